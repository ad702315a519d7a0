// Three small runs with known curves, shared by charts.test.mjs and table.test.mjs: two in group
// "sgd" and one in "adam"; loss halves every step from a different start, acc is the same for all.
export const CURVES = {
  'a-sgd': { group: 'sgd', lr: 0.1, loss: [8, 4, 2, 1, 0.5, 0.25] },
  'b-sgd': { group: 'sgd', lr: 0.2, loss: [4, 2, 1, 0.5, 0.25, 0.125] },
  'c-adam': { group: 'adam', lr: 0.3, loss: [2, 1, 0.5, 0.25, 0.125, 0.0625] },
};
export const ACC = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
/** Seconds between two steps, in every run's record times. */
export const STEP_S = 10;

/** Creates the runs in `entity/project` (oldest first, so the table shows c, b, a); returns them by name. */
export async function logCurves(cairn, entity, project) {
  const runs = {};
  for (const [name, c] of Object.entries(CURVES)) {
    const run = await cairn.createRun(entity, project, {
      name, group: c.group, config: { opt: c.group, lr: c.lr, shared: 1 }, tags: c.group === 'sgd' ? ['sgd'] : [],
    });
    const startS = Date.parse(run.created_at) / 1000;
    await cairn.records(run, c.loss.map((loss, step) => ({
      type: 'history', step, time: startS + step * STEP_S, values: { loss, acc: ACC[step] },
    })));
    await cairn.finish(run);
    runs[name] = run;
  }
  return runs;
}
