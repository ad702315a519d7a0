package dev.cairn.cli.agent;

import dev.cairn.client.sweep.ConsoleLine;
import dev.cairn.client.sweep.NextTrial;
import dev.cairn.client.sweep.SweepController;
import dev.cairn.client.sweep.SweepRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A controller that hands out the trials a test queued, and records what the agent reported. */
final class ScriptedController implements SweepController {
    record Ending(String state, Integer exitCode) {
    }

    private final Map<String, Object> config;
    private final Deque<NextTrial> answers = new ArrayDeque<>();
    final AtomicInteger nextCalls = new AtomicInteger();
    final Set<String> toStop = ConcurrentHashMap.newKeySet();
    final Map<String, String> states = new ConcurrentHashMap<>();
    final Map<String, Ending> endings = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<Long, ConsoleLine>> consoles = new ConcurrentHashMap<>();

    ScriptedController(Map<String, Object> config) {
        this.config = config;
    }

    ScriptedController trial(String runId, Map<String, Object> params) {
        answers.add(new NextTrial("running", runId, params));
        return this;
    }

    ScriptedController nothingNow(String sweepState) {
        answers.add(new NextTrial(sweepState, null, Map.of()));
        return this;
    }

    @Override
    public SweepRef sweep() {
        return new SweepRef("alice", "mnist", "sw4k2p9q");
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public synchronized NextTrial next(String agent) {
        nextCalls.incrementAndGet();
        NextTrial answer = answers.poll();
        return answer != null ? answer : new NextTrial("finished", null, Map.of());
    }

    @Override
    public boolean heartbeat(String runId) {
        return toStop.contains(runId);
    }

    @Override
    public void console(String runId, List<ConsoleLine> lines) {
        TreeMap<Long, ConsoleLine> console = consoles.computeIfAbsent(runId, id -> new TreeMap<>());
        synchronized (console) {
            lines.forEach(line -> console.put(line.line(), line));
        }
    }

    @Override
    public String runState(String runId) {
        return states.getOrDefault(runId, "running");
    }

    @Override
    public void endRun(String runId, String state, Integer exitCode) {
        endings.put(runId, new Ending(state, exitCode));
        states.put(runId, state);
    }

    /** The run's console text, line after line. */
    List<String> console(String runId) {
        TreeMap<Long, ConsoleLine> console = consoles.getOrDefault(runId, new TreeMap<>());
        synchronized (console) {
            return console.values().stream().map(ConsoleLine::text).toList();
        }
    }
}
