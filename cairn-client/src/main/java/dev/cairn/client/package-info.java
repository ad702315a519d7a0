/**
 * Cairn's Java SDK: track a training run from a JVM program.
 *
 * <pre>{@code
 * try (Run run = Cairn.init(InitOptions.builder().project("mnist").config(Map.of("lr", 0.001)).build())) {
 *     for (int epoch = 0; epoch < 10; epoch++) run.log(Map.of("loss", loss, "acc", acc));
 *     run.summary().put("best_acc", 0.97);
 * }
 * }</pre>
 *
 * <p>{@link dev.cairn.client.Cairn} starts runs and syncs offline ones; {@link dev.cairn.client.Run} is a
 * run in progress; {@link dev.cairn.client.InitOptions} says which run and how. Everything under
 * {@code dev.cairn.client.internal} is unsupported machinery.
 */
package dev.cairn.client;
