/**
 * The sweep engine: W&amp;B-format sweep files, the search methods that pick each trial's
 * parameters, and early termination. Pure: no I/O beyond parsing a string, no clocks, no
 * threads, no state between calls; the caller passes the whole trial history each time.
 *
 * <pre>{@code
 * SweepConfig config = SweepConfig.parse(Files.readString(Path.of("sweep.yaml")));
 * SweepSearch search = SweepSearch.of(config);
 * Random rng = new Random();
 *
 * List<Trial> trials = new ArrayList<>();
 * Optional<Map<String, Object>> params;
 * while ((params = search.next(trials, rng)).isPresent()) {
 *     List<String> argv = SweepCommand.expand(config, params.get(),
 *             CommandContext.of("python", System.getenv(), "/tmp/args.json"));
 *     double loss = run(argv);                               // the caller's business
 *     trials.add(Trial.finished(params.get(), loss));
 * }
 *
 * // while trials run, every so often:
 * Set<String> stop = Hyperband.of(config).runsToStop(histories);   // when early_terminate is set
 * }</pre>
 *
 * <ul>
 * <li>{@link dev.cairn.core.sweep.SweepConfig} parses and validates; problems arrive together
 *     in one {@link dev.cairn.core.sweep.SweepConfigException}.</li>
 * <li>{@link dev.cairn.core.sweep.SweepSearch#of} gives grid, random or Bayesian search, which
 *     returns empty once the sweep is done ({@link dev.cairn.core.sweep.SweepProgress}).</li>
 * <li>{@link dev.cairn.core.sweep.SweepCommand} turns the command template into argv.</li>
 * <li>{@link dev.cairn.core.sweep.stop.Hyperband} picks running trials to stop early.</li>
 * </ul>
 */
package dev.cairn.core.sweep;
