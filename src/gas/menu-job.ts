import { gasContext, runJob, type GasContext } from './context';
import { localeOf } from './locale';

/**
 * A menu item's job: the interactive context (alerts, toasts), the document lock, and messages
 * in the workbook's language.
 */
export function runMenuJob(job: (ctx: GasContext) => void): void {
  const ctx = gasContext(true);
  runJob(
    ctx,
    () => localeOf(ctx),
    true,
    () => job(ctx),
  );
}
