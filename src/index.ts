/**
 * Everything Apps Script calls by name: simple triggers, menu callbacks, trigger handlers and
 * custom functions. Each is a one-line wrapper; the build turns them into top-level functions.
 */
import {
  customAbc,
  customRfm,
  customSegment,
  handleAutomationOff,
  handleAutomationOn,
  handleAutomationStatus,
  handleEdit,
  handleOpen,
  handleRefresh,
  handleSetup,
  handleFillIds,
} from './gas/handlers';
import { CONTINUE_REFRESH_HANDLER, CONTINUE_REMINDERS_HANDLER } from './gas/automation';
import {
  handlePreview,
  handleSendReminders,
  handleTestDigest,
  handleTestManagerDigest,
} from './gas/reminders';
import { handleRebuildDashboard } from './gas/dashboard';
import { handleLoadToBigQuery } from './gas/load-bigquery';
import { deleteTriggers } from './gas/triggers';
import {
  addAction,
  recordReview,
  moveStage,
  boardData,
  completeAction,
  logInteraction,
  moveCard,
  openAccount360,
  openActionBoard,
  openSettings,
  saveSettings,
  setAutomation,
  settingsData,
  sidebarData,
} from './gas/sidebar';
import { mapData, openMapColumns, saveMappingRows } from './gas/mapping';

/** Simple trigger: adds the Key Accounts / 大客户管理 menu. */
function onOpen(): void {
  handleOpen();
}

/** Simple trigger: stamps edited account rows and logs owner, tier, status and credit changes. */
function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** Menu: Set up workbook / 初始化工作簿. */
function kamSetupWorkbook(): void {
  handleSetup();
}

/** Menu: Map columns / 映射列 (a dialog: the team's sheets and headers, and what they are). */
function kamOpenMapColumns(): void {
  openMapColumns();
}

/** Map columns dialog: the unrecognised sheets and headers with their suggestions. */
function kamMapData(): unknown {
  return mapData();
}

/** Map columns dialog: appends the chosen rows to Column Map. */
function kamSaveMapping(rows: unknown): unknown {
  return saveMappingRows(rows);
}

/** Menu: Fill missing account IDs / 补全客户编号 (writes KA-0001… into blank IDs, logged). */
function kamFillAccountIds(): void {
  handleFillIds();
}

/** Menu: Refresh scores / 刷新评分. */
function kamRefreshScores(): void {
  handleRefresh(true);
}

/** Menu: Rebuild dashboard / 重建仪表板 (charts from the current data; writes only the dashboard). */
function kamRebuildDashboard(): void {
  handleRebuildDashboard();
}

/** Menu: Load to BigQuery / 导入 BigQuery (the Transactions sheet into the table Settings name). */
function kamLoadToBigQuery(): void {
  handleLoadToBigQuery();
}

/** Trigger: the nightly refresh. */
function kamNightlyRefresh(): void {
  handleRefresh(false);
}

/** Trigger: one-off continuation of a refresh that hit its time budget; deletes itself. */
function kamContinueRefresh(): void {
  deleteTriggers(CONTINUE_REFRESH_HANDLER);
  handleRefresh(false);
}

/** Menu: Send reminders now / 立即发送提醒. */
function kamSendReminders(): void {
  handleSendReminders(true);
}

/** Menu: Preview reminders / 预览提醒 (sends nothing). */
function kamPreviewReminders(): void {
  handlePreview();
}

/** Menu: Send me a test digest / 给我发送测试摘要. */
function kamSendTestDigest(): void {
  handleTestDigest();
}

/** Menu: Send me a test manager digest / 给我发送测试经理周报. */
function kamSendTestManagerDigest(): void {
  handleTestManagerDigest();
}

/** Trigger: the daily reminders at reminder_hour. */
function kamDailyReminders(): void {
  handleSendReminders(false);
}

/** Trigger: one-off continuation of a reminder run that hit its time budget; deletes itself. */
function kamContinueReminders(): void {
  deleteTriggers(CONTINUE_REMINDERS_HANDLER);
  handleSendReminders(false);
}

/** Menu: Turn on daily automation / 开启每日自动化. */
function kamAutomationOn(): void {
  handleAutomationOn();
}

/** Menu: Turn off daily automation / 关闭每日自动化. */
function kamAutomationOff(): void {
  handleAutomationOff();
}

/** Menu: automation status (on/off, last run, what happened). */
function kamAutomationStatus(): void {
  handleAutomationStatus();
}

/** Menu: Account 360 / 客户360视图 (sidebar for the selected account row). */
function kamOpenAccount360(): void {
  openAccount360();
}

/** Menu: Action board / 行动看板 (kanban dialog of the action plan). */
function kamOpenActionBoard(): void {
  openActionBoard();
}

/** Menu: Settings / 设置 (sidebar: settings, exchange rates, automation on/off). */
function kamOpenSettings(): void {
  openSettings();
}

/** google.script.run (Account 360): the account with this ID, or the one on the selected row. */
function kamSidebarData(accountId?: unknown): unknown {
  return sidebarData(accountId);
}

/** google.script.run (Account 360): validates and appends one interaction; returns the new view. */
function kamLogInteraction(input: unknown): unknown {
  return logInteraction(input);
}

/** google.script.run (Account 360): validates and appends one action; returns the new view. */
function kamAddAction(input: unknown): unknown {
  return addAction(input);
}

/** google.script.run (Account 360): moves an opportunity to another stage; returns the new view. */
function kamMoveStage(input: unknown): unknown {
  return moveStage(input);
}

/** google.script.run (Account 360): records a plan review; returns the new view. */
function kamRecordReview(input: unknown): unknown {
  return recordReview(input);
}

/** google.script.run (Account 360): marks an open action done; returns the new view. */
function kamCompleteAction(input: unknown): unknown {
  return completeAction(input);
}

/** google.script.run (Action board): the kanban, filtered by owner and account. */
function kamBoardData(filter?: unknown): unknown {
  return boardData(filter);
}

/** google.script.run (Action board): moves a card to another status; returns the new board. */
function kamMoveCard(input: unknown): unknown {
  return moveCard(input);
}

/** google.script.run (Settings): settings, exchange rates and automation status. */
function kamSettingsData(): unknown {
  return settingsData();
}

/** google.script.run (Settings): validates and writes the changed value cells. */
function kamSaveSettings(input: unknown): unknown {
  return saveSettings(input);
}

/** google.script.run (Settings): turns daily automation on (true) or off (false). */
function kamSetAutomation(on: unknown): unknown {
  return setAutomation(on);
}

/**
 * ABC class (A/B/C) of each revenue by cumulative share.
 * Example: =KAM_ABC(C2:C100) or =KAM_ABC(C2:C100, 0.8, 0.95)
 * @param {number[][]} revenues Revenues, one per row.
 * @param {number} cutoff_a Cumulative share for A (default 0.8).
 * @param {number} cutoff_b Cumulative share for B (default 0.95).
 * @return A column of A, B or C.
 * @customfunction
 */
function KAM_ABC(revenues: unknown, cutoff_a?: unknown, cutoff_b?: unknown): string[][] {
  return customAbc(revenues as never, cutoff_a as never, cutoff_b as never);
}

/**
 * RFM scores: R, F, M (1–5), the three-digit score and the segment code per row.
 * Example: =KAM_RFM(D2:D100, E2:E100, F2:F100)
 * @param {number[][]} recency_days Days since the last purchase.
 * @param {number[][]} frequency Purchase dates in the window.
 * @param {number[][]} monetary Revenue in the window.
 * @return Five columns: R, F, M, score, segment.
 * @customfunction
 */
function KAM_RFM(
  recency_days: unknown,
  frequency: unknown,
  monetary: unknown,
): (string | number)[][] {
  return customRfm(recency_days as never, frequency as never, monetary as never);
}

/**
 * RFM segment label for R and F scores, in the workbook's language (or "en" / "zh-CN").
 * Example: =KAM_SEGMENT(5, 4) → Champions; =KAM_SEGMENT(G2:G100, H2:H100, "zh-CN")
 * @param {number[][]} r Recency score 1–5.
 * @param {number[][]} f Frequency score 1–5.
 * @param {string} language Optional: en or zh-CN.
 * @return A column of segment labels.
 * @customfunction
 */
function KAM_SEGMENT(r: unknown, f: unknown, language?: unknown): string[][] {
  return customSegment(r as never, f as never, language);
}

export {
  onOpen,
  onEdit,
  kamSetupWorkbook,
  kamFillAccountIds,
  kamOpenMapColumns,
  kamMapData,
  kamSaveMapping,
  kamRefreshScores,
  kamRebuildDashboard,
  kamLoadToBigQuery,
  kamNightlyRefresh,
  kamContinueRefresh,
  kamSendReminders,
  kamPreviewReminders,
  kamSendTestDigest,
  kamSendTestManagerDigest,
  kamDailyReminders,
  kamContinueReminders,
  kamAutomationOn,
  kamAutomationOff,
  kamAutomationStatus,
  kamOpenAccount360,
  kamOpenActionBoard,
  kamOpenSettings,
  kamSidebarData,
  kamLogInteraction,
  kamAddAction,
  kamRecordReview,
  kamMoveStage,
  kamCompleteAction,
  kamBoardData,
  kamMoveCard,
  kamSettingsData,
  kamSaveSettings,
  kamSetAutomation,
  KAM_ABC,
  KAM_RFM,
  KAM_SEGMENT,
};
