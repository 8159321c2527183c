/**
 * One-off continuation triggers: a run that hits its time budget schedules one that finishes
 * the work; the handler deletes it when it runs. Only one is kept per handler.
 */
export function scheduleOnce(handler: string, afterMs: number): void {
  deleteTriggers(handler);
  ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
}

/** Removes this project's triggers that call `handler`; returns how many. */
export function deleteTriggers(handler: string): number {
  let n = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === handler) {
      ScriptApp.deleteTrigger(t);
      n++;
    }
  }
  return n;
}
