import type { EmailTexts } from './email';

/*
 * Every text kam-sheets shows, in English, the language the catalogue is written in: zh-CN.ts
 * must have exactly these keys (type `Catalogue`). `{x}` are parameters (`text()` fills them).
 * Sheet, column and list-value names are the schema's (src/core/schema), not texts.
 */

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const email: EmailTexts = {
  htmlLang: 'en',
  subject(c, date) {
    const parts: string[] = [];
    if (c.stale > 0) parts.push(`${c.stale} stale`);
    if (c.dueSoon > 0) parts.push(`${c.dueSoon} due soon`);
    if (c.actions > 0) parts.push(`${plural(c.actions, 'action', 'actions')} due`);
    if (c.birthdays > 0) parts.push(plural(c.birthdays, 'birthday', 'birthdays'));
    if (c.reviews > 0) parts.push(plural(c.reviews, 'plan review', 'plan reviews'));
    if (c.risks > 0) parts.push(`${c.risks} at risk`);
    if (c.opportunities > 0) parts.push(`${plural(c.opportunities, 'deal', 'deals')} to move`);
    return `Key accounts: ${parts.join(', ')} — ${date}`;
  },
  greeting: 'Hello,',
  intro: (date, name) =>
    `Here is your key-account digest for ${date} from the spreadsheet "${name}".`,

  staleHeading: 'Accounts to follow up',
  actionsHeading: 'Actions due',
  careHeading: 'Contact birthdays',
  reviewsHeading: 'Plan reviews',
  risksHeading: 'Accounts at risk',
  opportunitiesHeading: 'Opportunities to move',
  opportunity(stage, amount, days, limit, overdue) {
    const parts = [`${stage} · ${amount}`];
    if (days !== null) parts.push(`${plural(days, 'day', 'days')} in this stage (limit ${limit})`);
    if (overdue !== null) parts.push(`expected close ${overdue} has passed`);
    return parts.join('; ');
  },
  heading: (title, count) => `${title} (${count})`,

  abcClass: (cls) => `class ${cls}`,
  overThreshold: (days, limit) => `no activity for ${plural(days, 'day', 'days')} (limit ${limit})`,
  nextActionPassed: (date) =>
    date === null ? 'the next action date has passed' : `next action date ${date} has passed`,
  noActivity: 'no activity recorded',
  dueSoon: (days, limit) =>
    `due soon: ${plural(days, 'day', 'days')} without activity (limit ${limit})`,
  recycle: 'eligible for reassignment (公海)',
  escalate: 'over twice the limit',
  joinReasons: (parts) => parts.join('; '),

  actionDue(date, daysLeft) {
    if (daysLeft < 0) return `due ${date}, ${plural(-daysLeft, 'day', 'days')} overdue`;
    if (daysLeft === 0) return `due today (${date})`;
    if (daysLeft === 1) return `due tomorrow (${date})`;
    return `due ${date}, in ${plural(daysLeft, 'day', 'days')}`;
  },
  birthday(name, date, daysUntil) {
    const when =
      daysUntil === 0
        ? 'today'
        : daysUntil === 1
          ? 'tomorrow'
          : `in ${plural(daysUntil, 'day', 'days')}`;
    return `${name}: birthday on ${date} (${when})`;
  },
  review(period, date, daysUntil) {
    const what = period === '' ? 'Plan review' : `Plan ${period} review`;
    if (daysUntil < 0) return `${what} was due ${date} (${plural(-daysUntil, 'day', 'days')} ago)`;
    if (daysUntil === 0) return `${what} due today (${date})`;
    return `${what} due ${date} (in ${plural(daysUntil, 'day', 'days')})`;
  },

  flagged: (label, reason) => `${label}: ${reason}`,
  riskChurn: (label, days) =>
    days === null
      ? `churn risk ${label}, no order yet`
      : `churn risk ${label}, last order ${plural(days, 'day', 'days')} ago`,
  riskRevenueDrop: (now, before, pct) => `revenue 12m ${now}, down ${pct} % from ${before}`,
  riskCredit: (rating) => `credit rating ${rating}`,
  riskComplaint: (since, days, sla) =>
    `complaint open since ${since} (${plural(days, 'day', 'days')}; limit ${plural(sla, 'day', 'days')})`,
  riskPlanBehind: (period, revenue, target, pct, expected) =>
    `plan ${period}: ${revenue} of ${target} target (${pct} %), ${expected} expected by today`,
  riskSingleThreaded: (contacts) =>
    `class A account with ${plural(contacts, 'contact', 'contacts')}`,

  managerSubject: (t, week, date) =>
    `Key accounts weekly ${week}: ${t.riskAccounts} at risk, ${t.staleAccounts} stale, ${plural(t.overdueActions, 'overdue action', 'overdue actions')} — ${date}`,
  managerIntro: (week, name) =>
    `Here is the weekly key-account digest for ${week} from the spreadsheet "${name}".`,
  ownersHeading: 'By owner',
  pipelineHeading: 'Open pipeline by stage',
  forecastHeading: 'Weighted forecast by expected close month',
  stageTotal: (count, amount, weighted) =>
    `${plural(count, 'opportunity', 'opportunities')} · ${amount} · weighted ${weighted}`,
  forecastMonth: (weighted, count) =>
    `weighted ${weighted} from ${plural(count, 'opportunity', 'opportunities')}`,
  topRisksHeading: 'Largest accounts at risk',
  raisedHeading: 'Flags raised in the last 7 days',
  columnOwner: 'Owner',
  columnStage: 'Stage',
  columnMonth: 'Month',
  noOwner: '(no owner)',
  ownerCounts: (stale, risk, overdue) =>
    `${risk} at risk · ${stale} stale · ${plural(overdue, 'overdue action', 'overdue actions')}`,
  revenueOwner: (revenue, owner) => `revenue 12m ${revenue} · owner ${owner}`,
  raisedOnDay: (date, owner) => `raised ${date} · owner ${owner}`,
  noHistory: (sheet) =>
    `New flags cannot be told apart yet: the ${sheet} sheet has no snapshot from the last 7 days (Refresh writes one a day; turn on daily automation).`,
  managerWhy: (name, key) =>
    `You receive this weekly digest because your address is in the ${key} setting of the spreadsheet "${name}".`,

  more(count, kind, sheet, column) {
    const what = {
      stale: plural(count, 'more account', 'more accounts') + ' to follow up',
      actions: plural(count, 'more action', 'more actions') + ' due',
      care: plural(count, 'more contact birthday', 'more contact birthdays'),
      reviews: plural(count, 'more plan review', 'more plan reviews'),
      risks: plural(count, 'more account', 'more accounts') + ' at risk',
      opportunities: plural(count, 'more opportunity', 'more opportunities') + ' to move',
      pipeline: plural(count, 'more stage', 'more stages'),
      forecast: plural(count, 'more month', 'more months'),
      owners: plural(count, 'more owner', 'more owners'),
      top_risks: plural(count, 'more account', 'more accounts') + ' at risk',
      raised: plural(count, 'more flag', 'more flags') + ' raised',
    }[kind];
    const where =
      column === null
        ? `open the ${sheet} sheet`
        : `open the ${sheet} sheet and filter its ${column} column on your address`;
    return `…and ${what}, not listed here to keep this email short. To see them all, ${where}.`;
  },
  moreLinkText: 'Open the sheet',

  linkText: 'Open',
  columnAccount: 'Account',
  columnDetail: 'Details',

  whyReceived: (name) =>
    `You receive this email because you own these accounts or actions in the spreadsheet "${name}".`,
  howToPause: (sheet, header, key) =>
    `To pause reminders for an account, enter a date in its ${header} column (${key}) on the ${sheet} sheet; reminders resume the day after that date.`,
  escalationNote: (cc) =>
    `A copy goes to ${cc} because at least one account has gone without activity for over twice its limit.`,
  openSpreadsheet: (link) => `Open the spreadsheet: ${link}`,
  sentBy: (sender) => `Sent by ${sender}.`,
};

export const en = {
  /** The Sheets menu, its toasts and alerts, and what the jobs say while they run. */
  app: {
    menu_title: 'Key Accounts',
    menu_setup: 'Set up workbook',
    menu_map: 'Map columns',
    menu_fill_ids: 'Fill missing account IDs',
    menu_refresh: 'Refresh scores',
    menu_send: 'Send reminders now',
    menu_preview: 'Preview reminders',
    menu_test: 'Send me a test digest',
    menu_test_manager: 'Send me a test manager digest',
    menu_automation_on: 'Turn on daily automation',
    menu_automation_off: 'Turn off daily automation',
    menu_automation_status: 'Automation status…',
    menu_dashboard: 'Rebuild dashboard',
    menu_load_bigquery: 'Load to BigQuery',
    menu_account360: 'Account 360',
    menu_board: 'Action board',
    menu_settings: 'Settings',
    fill_ids_done:
      '{count} missing account IDs filled in (KA-0001…); each is logged in Change Log.',
    setup_done:
      'Workbook ready: {created} sheets created, {columns} columns and {settings} settings added.',
    setup_unchanged: 'Workbook already set up: nothing to add.',
    refresh_start: 'Refreshing scores…',
    refresh_done: 'Refreshed {accounts} accounts · {issues} data issues',
    refresh_budget:
      'The refresh stopped before writing anything because it would run past {minutes} minutes.',
    refresh_budget_partial:
      'The refresh stopped after updating {sheets} because it would run past {minutes} minutes; the other sheets keep their previous contents.',
    refresh_continues: 'It continues in a new run in a minute (run {run} of at most {max} today).',
    refresh_gave_up:
      "That was run {max} of {max} today, so it stops until the next nightly refresh and leaves the daily trigger time to the reminders. The workbook is too big to refresh within Apps Script's 6 minutes: lower history_retention_days or analysis_window_months in Settings, or move old transactions and interactions to another spreadsheet, then choose Refresh scores.",
    refresh_status_continuing:
      'refresh ran out of time (run {run} of {max}); continuing in a minute',
    refresh_status_gave_up:
      'refresh ran out of time {max} times today and stopped: see Data Issues',
    cell_limit_write:
      'Sheet "{sheet}" could not grow by {rows} rows: the workbook is at Google Sheets\' 10,000,000-cell limit, so nothing more was written to it. Delete the empty rows and columns of your largest sheets, or move old rows to another spreadsheet, then run this again.',
    change_log_full:
      "This change was not written to the Change Log: the workbook is at Google Sheets' 10,000,000-cell limit, so the log cannot grow. Delete the empty rows and columns of your largest sheets, or move old rows to another spreadsheet.",
    busy: 'Another run is updating this workbook. Try again in a minute.',
    sheet_missing: 'Sheet "{name}" is missing. {setup}',
    accounts_unrecognised:
      'No accounts sheet recognised: "{sheet}" looks like accounts. To map it, {map}',
    broken_header: 'Sheet "{sheet}": {problem}',
    bigquery_off:
      'Settings say data_source = bigquery, but this script was deployed without the BigQuery service. Deploy it with `npm run deploy -- --with-bigquery` (docs/outgrow.md), or set data_source to sheet.',
    bigquery_settings:
      'Settings say data_source = bigquery: fill in {setting} (docs/outgrow.md), or set data_source to sheet.',
    bigquery_interactions_off:
      'Settings name bigquery_interactions_table, but this script was deployed without the BigQuery service. Deploy it with `npm run deploy -- --with-bigquery` (docs/outgrow.md), or clear bigquery_interactions_table to read the Interactions sheet.',
    bigquery_interactions_settings:
      'Settings name bigquery_interactions_table: fill in {setting} (docs/outgrow.md), or clear bigquery_interactions_table to read the Interactions sheet.',
    bigquery_interactions_form:
      'Interactions are read from the BigQuery table {table} (Settings bigquery_interactions_table), so one logged here would not be seen. Add it to that table, or clear the setting to use the Interactions sheet.',
    bigquery_slow:
      'BigQuery had not answered the queries on {table} after {minutes} minutes, so nothing was written. Run it again: BigQuery keeps a query result for 24 hours, so the next run is quick. If it keeps happening, see docs/outgrow.md (quotas and limits).',
    bigquery_interactions_columns:
      'BigQuery table {table} has no column {columns}, which the interactions table needs (docs/outgrow.md): add it (it may stay empty), or clear bigquery_interactions_table.',
    bigquery_interactions_date:
      'BigQuery table {table}: its date column is a {type}; interactions need a DATE (or text as in the sheet). Read the table through a view with DATE(date, "your time zone") AS date (docs/outgrow.md), or clear bigquery_interactions_table.',
    bigquery_name: 'Setting {setting}: "{value}" is not a BigQuery name.',
    bigquery_failed: 'BigQuery refused the query on {table}: {message}',
    bigquery_no_sheet: 'There is no Transactions sheet to load into BigQuery.',
    bigquery_loaded:
      'Loaded {rows} rows of "{sheet}" into {table}. Set data_source to bigquery in Settings to read them from there; the sheet is left as it is.',
    bigquery_loaded_blanks:
      '{cells} cells that are not valid values went as blanks; their rows will show in Data Issues.',
    bigquery_load_pending:
      'BigQuery was still loading "{sheet}" into {table} after {minutes} minutes (job {job}). The job finishes on its own: look at it in the Google Cloud console before you load again.',
    bigquery_load_failed:
      'BigQuery did not load "{sheet}" into {table}: {message}. Nothing was loaded.',
    error_generic:
      'Something went wrong: {message}. The run may have stopped part-way: run it again to finish (nothing is sent or written twice). Details: Extensions → Apps Script → Executions.',
  },
  /** Data issues, one text per code (`DataIssue.code`); `{setup}` and `{map}` name the fix. */
  issue: {
    sheet_missing: 'Sheet "{name}" is missing. {setup}',
    sheet_duplicate: 'Two sheets match "{name}"; using "{used}". Rename or delete the other one.',
    bigquery_output_off:
      'Settings name the BigQuery table {table} ({setting}) for Looker Studio, but this script was deployed without the BigQuery service, so it was not written. Deploy with `npm run deploy -- --with-bigquery` (docs/outgrow.md), or clear {setting}.',
    bigquery_output_settings:
      'Settings name the BigQuery table {table} ({setting}) for Looker Studio: fill in {missing} so it can be written (docs/outgrow.md).',
    bigquery_table_not_ours:
      "BigQuery table {table} already exists and was not made by this workbook's refresh for its {key} (the tables it makes carry the labels kam-sheets and kam-workbook), so it was left as it is and the {key} was not written there. Name another table in {setting}; the refresh creates it.",
    bigquery_history_unpartitioned:
      "BigQuery table {table} is not partitioned by day on {field}, so today's snapshot was not written there (the other days are as they were). Name a new table in {setting}; the refresh creates it partitioned.",
    bigquery_output_too_big:
      "Today's summary is {mb} MB, more than one BigQuery load from Apps Script carries ({max} MB), so {table} was not written. Load the Summary sheet with `bq load` instead (docs/outgrow.md).",
    bigquery_tables_same:
      'bigquery_history_table names the same table as bigquery_summary_table ({table}): the summary is replaced whole by each refresh, so the history cannot live there and was not written. Name another table in bigquery_history_table.',
    bigquery_output_failed:
      'BigQuery did not write {table}: {message}. The table is as it was; the next refresh tries again.',
    bigquery_output_pending:
      "BigQuery had not finished writing {table} when the refresh ended (job {job}). It finishes on its own; if the table does not show today's snapshot, look at the job in the Google Cloud console.",
    sheet_not_ours:
      'Sheet "{name}" has the name of the script\'s {key} sheet but is not the script\'s (its first cell is "{first}"), so it was left as it is and {key} was not written. Rename your sheet; the next refresh then creates {key}.',
    header_missing:
      'Required column "{name}" is missing. {setup} Or map one of your headers to it: {map}',
    header_ambiguous: 'Header "{name}" could be {a} or {b}, so it is not read. Say which: {map}',
    header_unrecognised:
      'Column "{name}" is not recognised. Did you mean {suggestion}? Map it (or to ignore): {map}',
    header_not_ours:
      'Column "{name}" is not one of the columns kam-sheets reads, so it is left alone. If it holds one of ours, map it; if it is your own, map it to ignore and this warning goes away: {map}',
    sheet_unrecognised:
      'Sheet "{name}" looks like {suggestion} but is not recognised. Map it: {map}',
    map_unknown_target:
      '"{target}" is not a column of sheet "{sheet}" nor ignore; this Column Map row is not used.',
    header_duplicate:
      'Column "{name}" appears twice (columns {first} and {second}); only the first is read. Rename or delete one.',
    required_missing: '{name} is required; the row is left out of the figures.',
    not_a_date: 'Not a date. Use a date cell or YYYY-MM-DD.',
    not_a_number: 'Not a number.',
    not_an_integer: 'Not a whole number.',
    out_of_range: 'Must be between {min} and {max}.',
    below_minimum: 'Must be at least {min}.',
    not_an_email: 'Not a valid email address.',
    not_in_list: 'Not one of: {options}.',
    not_yes_no: 'Use yes or no.',
    not_a_birthday: 'Not a date. Use YYYY-MM-DD, or MM-DD when the year is unknown.',
    duplicate_id: 'Account ID {id} is used again (first on row {first}); this row is left out.',
    duplicate_opportunity:
      'Opportunity ID {id} is on more than one row (also row {other}); none of them is counted until the IDs are made unique.',
    unknown_account: 'Account ID {id} is not in Accounts; the row is left out.',
    unknown_parent: 'Parent account {id} is not in Accounts.',
    parent_cycle: 'Parent accounts form a cycle: {path}.',
    unknown_currency:
      'No exchange rate for {currency} in Settings; the row is left out of the figures.',
    future_date: 'Date is in the future; the row is ignored until then.',
    amount_missing: 'No amount, and quantity × unit price cannot be computed; the row is left out.',
    unknown_setting: 'Unknown setting "{name}"; it is ignored.',
    invalid_setting: 'Invalid value for {name}; using the default {default}.',
    cutoffs_order: 'abc_cutoff_a must not be above abc_cutoff_b; using the defaults 0.8 and 0.95.',
    invalid_rate: 'Exchange rate must be a number above 0.',
    owner_missing: 'No owner email: this account gets no reminders.',
    recipient_blocked: '{email} is outside allowed_recipient_domains; no reminder was sent to it.',
    recycle_candidate:
      'No activity for {days} days (recycle_after_days = {limit}): eligible for reassignment (公海).',
    cell_limit:
      "The workbook would need {cells} cells, more than Google Sheets' 10,000,000-cell limit, so these sheets were not updated this time: {skipped}. Trim {sheet}{hint}.",
    refresh_time:
      'The refresh ran out of time in {runs} runs today (Apps Script stops a run at 6 minutes) and stops until the next nightly refresh; the sheets it did not reach keep their previous contents. Make the workbook smaller: lower history_retention_days or analysis_window_months in Settings, or move old transactions and interactions to another spreadsheet; then choose Refresh scores.',
    cell_budget:
      "The workbook will hold {cells} cells, {percent}% of Google Sheets' 10,000,000-cell limit. Trim {sheet}{hint}.",
  },
  /** Parts of data-issue texts, filled in when the issue is made. */
  issue_part: {
    blank: '(blank)',
    trim_hint:
      ' — delete rows and columns it does not use, or move old rows to another spreadsheet',
    history_hint:
      ' — for example set history_retention_days to {suggested} in Settings (now {current})',
    issues_cut: '{sheet} (only the first {shown} of {total} issues)',
    list_separator: ', ',
    candidate: '{name} ({key})',
  },
  /** How a text names the fix, per runner: the Sheets menu or the `kam` command. */
  fix: {
    sheets_setup: 'Run Key Accounts → Set up workbook.',
    sheets_map: 'Key Accounts → Map columns (or a row in the Column Map sheet).',
    cli_setup: 'Run `kam init BOOK.xlsx`.',
    cli_map: 'run `kam map BOOK.xlsx` (`--apply` writes the confident ones to Column Map).',
  },
  /** What a reminder run says and logs (the email itself is `email` below). */
  remind: {
    no_allow_list:
      'Reminders were not sent: fill in the setting allowed_recipient_domains (Settings sheet) with the email domains reminders may go to, e.g. example.com.',
    invalid_owner: 'Not a valid email address: {email}',
    blocked: '{email} is outside allowed_recipient_domains',
    quota: 'Daily email quota used up; will be sent in the next run',
    delivered_before: 'delivered before the previous run was interrupted; not sent again',
    cc: 'cc {cc} (stale for twice the threshold)',
    done: 'Reminders: {summary}',
    done_incomplete: 'Reminders paused at the time limit ({summary}); the rest follow in a minute.',
    status_already_sent: 'already_sent',
    status_sent_this_week: 'sent_this_week',
    status_not_reached: 'not_reached',
  },
  /** The sidebars and dialogs (Account 360, action board, Map columns, Settings). */
  ui: {
    refresh: 'Refresh',
    loading: 'Loading…',
    saving: 'Saving…',
    close: 'Close',
    all: 'All',
    nothing: '—',
    fix_below: 'Fix the fields marked below; nothing was saved.',
    overdue: 'Overdue',
    due_on: 'Due {date}',
    yes: 'Yes',
    no: 'No',
    a360_title: 'Account 360',
    a360_hint:
      'Select a row on Accounts (or on any sheet with an Account ID), then click Refresh. Or open an account by its ID:',
    a360_open: 'Open',
    a360_not_found: 'No account with ID "{id}" in Accounts.',
    profile: 'Profile',
    badge_abc: 'ABC',
    badge_rfm: 'RFM',
    badge_churn: 'Churn',
    badge_credit: 'Credit',
    badge_health: 'Health',
    stale: 'Stale',
    due_soon: 'Contact due soon',
    on_track: 'On track',
    days_since: '{days} days since the last activity ({date})',
    no_activity: 'No activity yet',
    revenue_24m: 'Revenue, last 24 months ({currency})',
    revenue_12m: '12 months: {amount}',
    contacts: 'Contacts',
    no_contacts: 'No contacts yet.',
    influence_of: 'Influence {n}/5',
    interactions: 'Last 10 interactions',
    no_interactions: 'No interactions yet.',
    complaint_tag: 'Complaint',
    satisfaction_of: 'Satisfaction {n}/5',
    open_actions: 'Open actions',
    no_actions: 'No open actions.',
    mark_done: 'Done',
    plan: 'Account plan',
    no_plan: 'No plan for this account yet.',
    log_title: 'Log an interaction',
    log_submit: 'Log it',
    complaint_check: 'This is a complaint',
    action_title: 'Add an action',
    action_submit: 'Add action',
    logged: 'Interaction logged on row {row}.',
    risks: 'Risk flags',
    opportunities: 'Open opportunities',
    no_opportunities: 'No open opportunities.',
    move_stage: 'Move to stage',
    stage_moved: 'Moved "{name}" to {stage}.',
    stalled_tag: 'stalled',
    close_passed: 'close date passed',
    group: 'Group',
    group_top: 'group company',
    group_more: 'and {count} more',
    group_summary: '{members} accounts · revenue (12m) {amount} · group ABC {abc}',
    cross_sell: 'Cross-sell suggestions',
    cross_sell_hint:
      'Bought by many accounts of the same industry, not by this one in the analysis window.',
    record_review: 'Record review',
    review_outcome: 'Outcome of the review',
    review_hint: 'Logs a Review interaction and moves the next review {months} months on.',
    review_submit: 'Record review',
    review_recorded: 'Review logged on row {row}; next review {date}.',
    err_plan_changed: 'This plan row has changed since the sidebar loaded. Refresh and try again.',
    err_no_review_column:
      'The Account Plans sheet has no Next Review Date column: run Set up workbook to add it.',
    action_added: 'Action added on row {row}.',
    action_done: 'Marked "{task}" as done.',
    choose: '(choose)',
    board_title: 'Action board',
    board_kind: 'Show',
    board_actions: 'Actions by status',
    board_opportunities: 'Opportunities by stage',
    filter_owner: 'Owner',
    filter_account: 'Account',
    no_owner: '(no owner)',
    no_account: '(no account)',
    move_to: 'Move to…',
    moved: 'Moved "{task}" to {status}.',
    column_empty: 'No actions',
    more_done: '{count} older done actions are not shown.',
    drag_hint: 'Drag a card to another column, or use its "Move to…" list.',
    map_title: 'Map columns',
    map_intro:
      'Sheets and headers of yours that are not recognised. Choose what each one is; saving adds rows to the Column Map sheet.',
    map_col_sheet: 'Sheet',
    map_col_header: 'Header',
    map_col_maps_to: 'Maps to',
    map_whole_sheet: '(whole sheet)',
    map_skip: '— decide later —',
    map_ignore: 'ignore (not ours)',
    map_save: 'Save to Column Map',
    map_saved: 'Saved {count} rows to Column Map. Run Refresh scores to use them.',
    map_nothing: 'Every sheet and column is recognised: nothing to map.',
    map_bad: 'Not a valid mapping: {row}',
    map_note: 'added with Map columns',
    settings_title: 'Settings',
    settings_save: 'Save settings',
    settings_saved: 'Saved {count} settings.',
    settings_unchanged: 'Nothing changed.',
    setting_absent: 'Not in the sheet yet: run Key Accounts → Set up workbook to add it.',
    setting_invalid_now: 'The sheet holds an invalid value; the default {default} is used.',
    rates: 'Exchange rates (to {home})',
    group_general: 'Language and currency',
    group_scoring: 'Scoring and staleness',
    group_reminders: 'Reminders',
    group_health: 'Health score weights',
    lang_auto: 'auto (spreadsheet locale)',
    lang_en: 'en (English)',
    lang_zh: 'zh-CN (简体中文)',
    automation: 'Daily automation',
    automation_turn_on: 'Turn on',
    automation_turn_off: 'Turn off',
    no_settings_sheet: 'There is no Settings sheet. Run Key Accounts → Set up workbook.',
    err_required: 'Required.',
    err_future: 'The date cannot be in the future.',
    err_unknown_account: 'Account {id} is not in Accounts.',
    err_no_sheet: 'The {sheet} sheet is missing. Run Key Accounts → Set up workbook.',
    err_no_column:
      'The {sheet} sheet has no "{column}" column. Run Key Accounts → Set up workbook.',
    err_changed:
      'This action changed in the sheet since it was shown. Click Refresh and try again.',
    err_due_before_start: 'The due date is before the start date ({date}).',
    err_cutoffs: 'abc_cutoff_a must not be above abc_cutoff_b.',
    err_setting_integer: 'Enter a whole number from {min} to {max}.',
    err_setting_number: 'Enter a number from {min} to {max}.',
    err_setting_language: 'Use auto, en or zh-CN.',
    err_setting_currency: 'Use a three-letter currency code such as CNY.',
    err_setting_email: 'Enter one email address, or leave it blank.',
    err_setting_emails: 'Enter email addresses separated by commas, or leave it blank.',
    err_setting_source: 'sheet or bigquery.',
    err_setting_bq_name:
      'A BigQuery name: letters, digits and _ (a project ID: 6–30 lower-case letters, digits and -).',
    err_setting_domains:
      'Comma-separated domains or addresses, such as example.com, boss@gmail.com.',
    err_rate: 'Exchange rate must be a number above 0.',
  },
  /** Daily automation, the menu status line, test digest and preview (Sheets). */
  automation: {
    on: 'Daily automation is on: scores refresh at {refresh}:00 and reminders go out at {hour}:00 ({zone}), running as {user}.',
    off: 'Daily automation is off.',
    already_off: 'Daily automation was already off.',
    limit:
      'Cannot turn on automation: this script already has {count} of the {limit} triggers Apps Script allows per user. Delete unused ones in Extensions → Apps Script → Triggers, then try again.',
    owned_by:
      'Daily automation is already on, run by {user}. Triggers belong to the person who made them, so {user} must turn it off before someone else turns it on.',
    owned_by_off:
      'Daily automation was turned on by {user}; only {user} can turn it off (Key Accounts → Turn off daily automation).',
    failed: 'Could not install the triggers: {message}',
    status_on: 'Automation: on',
    status_off: 'Automation: off',
    never_ran: 'has not run yet',
    last_ok: 'last run {at}: {summary}',
    last_failed: 'last run {at} FAILED: {summary}',
    summary_refresh: '{accounts} accounts, {issues} data issues',
    summary_not_run: 'not run (busy or failed, see Executions)',
    summary_nothing: 'nothing to send',
    summary_separator: ', ',
    test_sent: 'Test digest sent to {email}.',
    test_manager_sent: 'Test manager digest sent to {email}.',
    preview_manager: 'Weekly manager digest (to {emails})',
    test_nothing:
      'Nothing to put in a digest today: no stale accounts, actions, birthdays or reviews.',
    test_no_user: 'Your email address is not available to the script, so no test digest was sent.',
    preview_title: 'Reminder preview',
    preview_empty: 'No owner has anything to report today.',
    test_tag: '[Test] ',
  },
  /** The dashboard tables and charts. */
  dashboard: {
    revenue_by_quarter: 'Revenue by quarter',
    abc_pareto: 'Accounts and revenue by ABC class',
    rfm_segments: 'Accounts by RFM segment',
    stale_by_owner: 'Stale accounts by owner',
    monthly_orders: 'Monthly orders',
    health_vs_revenue: 'Health score vs revenue (12m)',
    health_bands: 'Accounts by health band',
    risk_flags: 'Accounts by risk flag',
    pipeline_by_stage: 'Open pipeline by stage',
    forecast_by_month: 'Weighted forecast by expected close month',
    top_groups: 'Top groups by revenue (12m)',
    seasonality: 'Seasonality: revenue by month of year, top 5 products',
    group: 'Group',
    none_groups: 'No groups',
    no_products: 'No products',
    months_of_year: 'Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec',
    stage: 'Stage',
    amount: 'Amount',
    weighted: 'Weighted',
    band: 'Health band',
    flag: 'Risk flag',
    quarter: 'Quarter',
    month: 'Month',
    revenue: 'Revenue',
    revenue_12m: 'Revenue (12m)',
    abc_class: 'ABC class (accounts)',
    cumulative: 'Cumulative revenue %',
    segment: 'RFM segment',
    accounts: 'Accounts',
    owner: 'Owner',
    stale: 'Stale accounts',
    orders: 'Orders',
    health: 'Health score',
    no_owner: '(no owner)',
    other_owners: 'Other owners',
    none_stale: 'No stale accounts',
    done: 'Dashboard rebuilt: {charts} charts on "{sheet}".',
    done_tables: 'Dashboard rebuilt: chart tables on "{sheet}".',
  },
  /** Help shown by the data validation rules Set up workbook adds. */
  setup: {
    help_list: 'Choose from the list (English or Chinese values are both accepted).',
    help_date: 'Enter a date (YYYY-MM-DD).',
    help_email: 'Enter one email address.',
    help_number: 'Enter a number.',
    help_range: 'Enter a number from {min} to {max}.',
    help_min: 'Enter a number of at least {min}.',
  },
  /** Every line the `kam` command prints. */
  cli: {
    init_would_drop:
      '{file}: kam init would rewrite the whole workbook and could not keep {part} (charts, pivot tables and the like); nothing was changed. kam check, refresh, remind, report and map work on it as it is; to add missing sheets, run `kam init` on a new file and copy the sheets over, or use Set up workbook in Google Sheets',
    part_unreadable:
      '{file}: kam cannot read {part} in this workbook ({detail}); nothing was changed',
    read_only:
      '{file}: the workbook is read-only; kam leaves it as it is (make it writable to update it, or use `kam check`)',
    settings_header: '{file}: settings on sheet "{sheet}"',
    settings_blank: 'blank: {default} applies',
    settings_absent: 'not in the sheet: `kam init {file}` adds it; {default} applies',
    settings_bad_rate: 'not a positive number: the refresh ignores it',
    settings_bad_set: '--set must be KEY=VALUE (rate:USD=7.1 for an exchange rate), got "{value}"',
    settings_unknown: '{file}: there is no setting "{key}"; `kam settings {file}` lists them',
    settings_absent_set:
      '{file}: the setting {key} is not in the sheet yet; `kam init {file}` adds it',
    settings_no_rate:
      '{file}: the exchange rate table has no row for {currency}; add one under Currency',
    settings_done: '{file}: {message}',
    not_found: '{file}: no such file',
    not_a_file: '{file}: is a folder, not a workbook',
    xls: '{file}: old Excel 97–2003 (.xls) format; save it as .xlsx and try again',
    encrypted:
      '{file}: the workbook is password-protected (encrypted), so kam cannot read it; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box), save it and try again',
    no_folder: '{file}: the folder {dir} does not exist; create it first or give another path',
    folder_read_only:
      '{file}: cannot write in the folder {dir} ({code}); it is read-only or you may not write there (`kam remind --dry-run`, `kam check` and `kam report --out` elsewhere only read it)',
    report_write: '{file}: cannot write the report ({code})',
    bad_from: '--from must be one email address on one line, got "{value}"',
    cells_truncated:
      '{file}: {count} cells the script wrote were longer than the 32,767 characters Excel allows in a cell; they were shortened and end in "{marker}" (first: {first}). Cells you typed are never changed',
    not_xlsx: '{file}: not an .xlsx workbook',
    corrupt: '{file}: the workbook is damaged and cannot be read ({detail})',
    too_big_unpacked:
      '{file}: the workbook unpacks to {total} ({part} alone is {size}), over the limit of {limit}; if it really is a workbook this big, set {env} to a larger number of MiB',
    open_elsewhere:
      '{file}: the workbook is open in another program (lock file {lock}); close it and try again (delete the lock file if no program has it open)',
    busy: '{file}: another kam run is updating this workbook (pid {pid}); try again when it has finished',
    locked_write:
      '{file}: cannot replace the workbook ({code}): it is open in another program or read-only; close it and try again',
    no_access: '{file}: permission denied ({code})',
    sheet_missing:
      '{file}: sheet "{sheet}" is missing; `kam init {file}` adds the missing sheets and columns',
    accounts_unrecognised:
      '{file}: no accounts sheet recognised: "{sheet}" looks like accounts; `kam map {file}` lists the mapping and `kam map {file} --apply` writes it',
    job_problem: '{file}: {problem}',
    bad_today: '--today must be a real date YYYY-MM-DD, got "{value}"',
    bad_number: '{flag} must be a whole number from {min} to {max}, got "{value}"',
    bad_locale: '--locale must be en or zh-CN, got "{value}"',
    bad_smtp: '--smtp must be a URL like smtp://user:pass@host:587, got "{value}"',
    unexpected:
      'unexpected error: {detail} (the workbook was not changed; KAM_DEBUG=1 shows details)',
    init_done: 'Created {file} ({sheets} sheets)',
    init_updated:
      'Set up {file}: {created} sheets created, {columns} columns and {settings} settings added',
    init_unchanged: '{file} is already set up: nothing to add',
    saved: 'Saved {file} (previous version: {bak})',
    check_ok: '{file}: no data errors ({warnings} warnings)',
    check_errors: '{file}: {errors} data errors, {warnings} warnings',
    remind_outbox: 'Emails written to {dir}',
    remind_dry_run: 'Dry run: nothing was sent and the workbook was not changed',
    remind_failed:
      '{count} digests could not be sent; they are logged as failed and retried on the next run',
    ids_filled: '{count} missing account IDs filled in (KA-0001…), each logged in Change Log',
    map_sheet: 'sheet "{sheet}" → {target} ({score}, {why})',
    map_header: '"{sheet}" column "{header}" → {target} ({score}, {why})',
    map_choices:
      '"{sheet}" {what}: not sure, could be {choices}; add a row to Column Map (maps_to: a key above, or ignore)',
    map_what_sheet: 'sheet',
    map_what_header: 'column "{header}"',
    map_nothing: '{file}: every sheet and column is recognised; nothing to map',
    map_plan:
      '{file}: {sure} confident mappings (write them with `kam map {file} --apply`), {left} left for you',
    map_applied: '{file}: {sure} mappings written to sheet "{sheet}", {left} left for you',
    map_note: 'added by kam map --apply',
    why_alias: 'alias',
    why_variant: 'same name',
    why_headers: 'its headers',
    why_spelling: 'similar spelling',
    why_values: 'its values',
    report_done: 'Report written to {file}',
    demo_title: 'kam-sheets demo: {accounts} accounts, {transactions} transactions, today {today}',
    demo_workbook: '  Workbook  {path}',
    demo_emails: '  Emails    {path} ({count} digests)',
    demo_report: '  Report    {path}',
    demo_next:
      'Open the report in a browser, the .eml files in a mail program, the workbook in Excel or upload it to Google Sheets.',
    step_read: 'Reading',
    step_compute: 'Computing',
    step_write: 'Saving',
    step_send: 'Sending',
    step_generate: 'Generating',
    issue_line: '{where}{column}: {text} ({severity})',
    list_separator: ', ',
  },
  /** The HTML report of `kam report`. */
  report: {
    heading: 'Key account report',
    asOf: 'As of {date} · from {file} · amounts in {currency}',
    accounts: 'Accounts',
    revenue: 'Revenue (12m)',
    stale: 'Stale accounts',
    aAccounts: 'A accounts',
    health: 'Average health',
    issues: 'Data issues',
    issuesDetail: '{errors} errors · {warnings} warnings',
    charts: 'Dashboard',
    data: 'Data',
    staleHeading: 'Stale accounts by owner',
    noStale: 'No stale accounts. Well done.',
    noOwner: '(no owner)',
    colId: 'Account ID',
    colName: 'Account name',
    colAbc: 'ABC',
    colDays: 'Days since activity',
    colWhy: 'Why',
    colHealth: 'Health',
    groupsHeading: 'Top groups',
    noGroups: 'No group companies: no account names a parent account.',
    colGroup: 'Group',
    colMembers: 'Members',
    colRevenue: 'Revenue (12m)',
    colGroupAbc: 'Group ABC',
    colWorst: 'Worst health',
    colAtRisk: 'Members at risk',
    colOwners: 'Owners',
    crossSellHeading: 'Cross-sell suggestions',
    crossSellNote:
      'Products bought by at least {share} of the accounts of the same industry (industries with {min} accounts or more), not by this account in the analysis window. Largest accounts first: {shown} of {total}.',
    noCrossSell: 'No suggestions: no industry has enough accounts buying the same product.',
    colIndustry: 'Industry',
    colSuggestions: 'Suggested products',
    footer: 'Generated by kam-sheets (kam report). Refresh the workbook first for current figures.',
  },
  /** The reminder email. */
  email,
};
