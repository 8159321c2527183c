import type { Catalogue } from './index';
import type { EmailTexts } from './email';

/*
 * Every text kam-sheets shows, in Simplified Chinese: the keys of en.ts, no more and no fewer
 * (the type `Catalogue` says so, and the compiler holds it to that).
 */

const email: EmailTexts = {
  htmlLang: 'zh-CN',
  subject(c, date) {
    const parts: string[] = [];
    if (c.stale > 0) parts.push(`${c.stale} 个停滞客户`);
    if (c.dueSoon > 0) parts.push(`${c.dueSoon} 个即将停滞`);
    if (c.actions > 0) parts.push(`${c.actions} 项待办`);
    if (c.birthdays > 0) parts.push(`${c.birthdays} 位联系人生日`);
    if (c.reviews > 0) parts.push(`${c.reviews} 项计划回顾`);
    if (c.risks > 0) parts.push(`${c.risks} 个风险客户`);
    if (c.opportunities > 0) parts.push(`${c.opportunities} 个商机待推进`);
    return `大客户提醒：${parts.join('，')} — ${date}`;
  },
  greeting: '您好，',
  intro: (date, name) => `以下是表格“${name}”中您负责的大客户在 ${date} 的提醒。`,

  staleHeading: '需要跟进的客户',
  actionsHeading: '待办行动',
  careHeading: '联系人生日',
  reviewsHeading: '客户计划回顾',
  risksHeading: '风险客户',
  opportunitiesHeading: '需要推进的商机',
  opportunity(stage, amount, days, limit, overdue) {
    const parts = [`${stage} · ${amount}`];
    if (days !== null) parts.push(`已在此阶段停留 ${days} 天（上限 ${limit} 天）`);
    if (overdue !== null) parts.push(`预计成交日期 ${overdue} 已过`);
    return parts.join('；');
  },
  heading: (title, count) => `${title}（${count}）`,

  abcClass: (cls) => `${cls} 类`,
  overThreshold: (days, limit) => `已 ${days} 天未跟进（阈值 ${limit} 天）`,
  nextActionPassed: (date) => (date === null ? '下次跟进日期已过' : `下次跟进日期 ${date} 已过`),
  noActivity: '尚无任何活动记录',
  dueSoon: (days, limit) => `即将停滞：已 ${days} 天未跟进（阈值 ${limit} 天）`,
  recycle: '可重新分配（公海）',
  escalate: '已超过阈值两倍',
  joinReasons: (parts) => parts.join('；'),

  actionDue(date, daysLeft) {
    if (daysLeft < 0) return `截止 ${date}，已逾期 ${-daysLeft} 天`;
    if (daysLeft === 0) return `今天到期（${date}）`;
    if (daysLeft === 1) return `明天到期（${date}）`;
    return `截止 ${date}，还有 ${daysLeft} 天`;
  },
  birthday(name, date, daysUntil) {
    const when = daysUntil === 0 ? '今天' : daysUntil === 1 ? '明天' : `${daysUntil} 天后`;
    return `${name}，生日 ${date}（${when}）`;
  },
  review(period, date, daysUntil) {
    const what = period === '' ? '计划回顾' : `${period} 计划回顾`;
    if (daysUntil < 0) return `${what}：${date}（已过 ${-daysUntil} 天）`;
    if (daysUntil === 0) return `${what}：${date}（今天）`;
    return `${what}：${date}（${daysUntil} 天后）`;
  },

  flagged: (label, reason) => `${label}：${reason}`,
  riskChurn: (label, days) =>
    days === null
      ? `流失风险“${label}”，尚无订单`
      : `流失风险“${label}”，最近一次下单在 ${days} 天前`,
  riskRevenueDrop: (now, before, pct) => `近 12 个月收入 ${now}，较上一期 ${before} 下降 ${pct}%`,
  riskCredit: (rating) => `信用等级 ${rating}`,
  riskComplaint: (since, days, sla) => `投诉自 ${since} 起未关闭（已 ${days} 天，时限 ${sla} 天）`,
  riskPlanBehind: (period, revenue, target, pct, expected) =>
    `${period} 计划：已完成 ${revenue}，目标 ${target}（${pct}%），按进度今天应达 ${expected}`,
  riskSingleThreaded: (contacts) => `A 类客户仅有 ${contacts} 位联系人`,

  managerSubject: (t, week, date) =>
    `大客户周报 ${week}：${t.riskAccounts} 个风险客户，${t.staleAccounts} 个停滞客户，${t.overdueActions} 项逾期行动 — ${date}`,
  managerIntro: (week, name) => `以下是表格“${name}”中 ${week} 的大客户周报。`,
  ownersHeading: '按负责人',
  pipelineHeading: '按阶段的在途商机',
  forecastHeading: '按预计成交月份的加权预测',
  stageTotal: (count, amount, weighted) => `${count} 个商机 · ${amount} · 加权 ${weighted}`,
  forecastMonth: (weighted, count) => `加权 ${weighted}，来自 ${count} 个商机`,
  topRisksHeading: '收入最高的风险客户',
  raisedHeading: '最近 7 天新增的风险标记',
  columnOwner: '负责人',
  columnStage: '阶段',
  columnMonth: '月份',
  noOwner: '（无负责人）',
  ownerCounts: (stale, risk, overdue) =>
    `${risk} 个风险客户 · ${stale} 个停滞客户 · ${overdue} 项逾期行动`,
  revenueOwner: (revenue, owner) => `近 12 个月收入 ${revenue} · 负责人 ${owner}`,
  raisedOnDay: (date, owner) => `${date} 新增 · 负责人 ${owner}`,
  noHistory: (sheet) =>
    `暂时无法区分新增的风险标记：“${sheet}”表中没有最近 7 天的快照（刷新每天写入一次，请开启每日自动化）。`,
  managerWhy: (name, key) => `您收到这封周报，是因为您的邮箱在表格“${name}”的 ${key} 设置中。`,

  more(count, kind, sheet, column) {
    const what = {
      stale: `${count} 个需要跟进的客户`,
      actions: `${count} 项待办行动`,
      care: `${count} 位联系人生日`,
      reviews: `${count} 项计划回顾`,
      risks: `${count} 个风险客户`,
      opportunities: `${count} 个待推进商机`,
      pipeline: `${count} 个阶段`,
      forecast: `${count} 个月份`,
      owners: `${count} 位负责人`,
      top_risks: `${count} 个风险客户`,
      raised: `${count} 个新增风险标记`,
    }[kind];
    const where =
      column === null ? `请打开“${sheet}”表` : `请打开“${sheet}”表，按“${column}”列筛选您的邮箱`;
    return `……另有 ${what}未在此列出，以免邮件过长。${where}查看全部。`;
  },
  moreLinkText: '打开工作表',

  linkText: '打开',
  columnAccount: '客户',
  columnDetail: '详情',

  whyReceived: (name) => `您收到这封邮件，是因为您是表格“${name}”中这些客户或行动的负责人。`,
  howToPause: (sheet, header, key) =>
    `如需暂停某个客户的提醒，请在“${sheet}”表的“${header}”列（${key}）填写日期，提醒将在该日期的次日恢复。`,
  escalationNote: (cc) => `由于有客户未跟进天数已超过阈值两倍，本邮件同时抄送 ${cc}。`,
  openSpreadsheet: (link) => `打开表格：${link}`,
  sentBy: (sender) => `发件人：${sender}`,
};

export const zhCN: Catalogue = {
  /** The Sheets menu, its toasts and alerts, and what the jobs say while they run. */
  app: {
    menu_title: '大客户管理',
    menu_setup: '初始化工作簿',
    menu_map: '映射列',
    menu_fill_ids: '补全客户编号',
    menu_refresh: '刷新评分',
    menu_send: '立即发送提醒',
    menu_preview: '预览提醒',
    menu_test: '给我发送测试摘要',
    menu_test_manager: '给我发送测试经理周报',
    menu_automation_on: '开启每日自动化',
    menu_automation_off: '关闭每日自动化',
    menu_automation_status: '自动化状态…',
    menu_dashboard: '重建仪表板',
    menu_load_bigquery: '导入 BigQuery',
    menu_account360: '客户360视图',
    menu_board: '行动看板',
    menu_settings: '设置',
    fill_ids_done: '已补全 {count} 个缺少的客户编号（KA-0001…），每个都记录在修改记录中。',
    setup_done: '工作簿已就绪：新建 {created} 个工作表，新增 {columns} 列和 {settings} 个设置项。',
    setup_unchanged: '工作簿已初始化，无需添加任何内容。',
    refresh_start: '正在刷新评分…',
    refresh_done: '已刷新 {accounts} 个客户 · {issues} 个数据问题',
    refresh_budget: '刷新在写入任何内容前停止，因为将超过 {minutes} 分钟。',
    refresh_budget_partial:
      '刷新在更新「{sheets}」后停止，因为将超过 {minutes} 分钟；其他工作表保持原样。',
    refresh_continues: '一分钟后将在新的运行中继续（今天第 {run} 次，最多 {max} 次）。',
    refresh_gave_up:
      '这是今天第 {max} 次（最多 {max} 次），因此停止到下一次夜间刷新，把每日触发器时间留给提醒。工作簿太大，无法在 Apps Script 的 6 分钟内完成刷新：请在设置中调低 history_retention_days 或 analysis_window_months，或把旧的交易和互动记录移到另一个电子表格，然后选择“刷新评分”。',
    refresh_status_continuing: '刷新超时（第 {run} 次，最多 {max} 次）；一分钟后继续',
    refresh_status_gave_up: '刷新今天已超时 {max} 次并停止：请查看数据问题',
    cell_limit_write:
      '工作表「{sheet}」无法再增加 {rows} 行：工作簿已达 Google 表格 1000 万单元格上限，因此没有再写入。请删除最大的几个工作表中的空行和空列，或把旧数据移到另一个电子表格，然后重新运行。',
    change_log_full:
      '此修改未能写入修改记录：工作簿已达 Google 表格 1000 万单元格上限，修改记录无法再增加行。请删除最大的几个工作表中的空行和空列，或把旧数据移到另一个电子表格。',
    busy: '另一个任务正在更新此工作簿，请一分钟后再试。',
    sheet_missing: '缺少工作表「{name}」。{setup}',
    accounts_unrecognised: '未识别到客户表：「{sheet}」看起来是客户表。映射方法：{map}',
    bigquery_off:
      '设置中 data_source = bigquery，但部署本脚本时未启用 BigQuery 服务。请用 `npm run deploy -- --with-bigquery` 部署（见 docs/outgrow.zh-CN.md），或把 data_source 改为 sheet。',
    bigquery_settings:
      '设置中 data_source = bigquery：请填写 {setting}（见 docs/outgrow.zh-CN.md），或把 data_source 改为 sheet。',
    bigquery_interactions_off:
      '设置中填写了 bigquery_interactions_table，但本脚本部署时未包含 BigQuery 服务。请用 `npm run deploy -- --with-bigquery` 部署（见 docs/outgrow.zh-CN.md），或清空 bigquery_interactions_table 以读取互动记录工作表。',
    bigquery_interactions_settings:
      '设置中填写了 bigquery_interactions_table：请填写 {setting}（见 docs/outgrow.zh-CN.md），或清空 bigquery_interactions_table 以读取互动记录工作表。',
    bigquery_interactions_form:
      '互动记录从 BigQuery 表 {table} 读取（设置 bigquery_interactions_table），在这里记录的互动将不会被读取。请把它添加到该表，或清空该设置以使用互动记录工作表。',
    bigquery_slow:
      'BigQuery 在 {minutes} 分钟内没有返回对 {table} 的查询结果，因此没有写入任何内容。请再运行一次：BigQuery 会把查询结果保留 24 小时，下次运行会很快。如果反复出现，请参阅 docs/outgrow.zh-CN.md（配额与限制）。',
    bigquery_interactions_columns:
      'BigQuery 表 {table} 缺少互动记录表需要的列 {columns}（见 docs/outgrow.zh-CN.md）：请添加（可以为空），或清空 bigquery_interactions_table。',
    bigquery_interactions_date:
      'BigQuery 表 {table}：其 date 列的类型是 {type}；互动记录需要 DATE（或与工作表中一样的文本）。请通过视图以 DATE(date, "您的时区") AS date 读取该表（见 docs/outgrow.zh-CN.md），或清空 bigquery_interactions_table。',
    bigquery_name: '设置 {setting}：“{value}”不是有效的 BigQuery 名称。',
    bigquery_failed: 'BigQuery 拒绝了对 {table} 的查询：{message}',
    bigquery_no_sheet: '没有可导入 BigQuery 的交易记录表。',
    bigquery_loaded:
      '已将「{sheet}」的 {rows} 行导入 {table}。在设置中把 data_source 改为 bigquery 即可从那里读取；工作表保持原样。',
    bigquery_loaded_blanks: '有 {cells} 个无效单元格以空值导入；这些行会出现在数据问题中。',
    bigquery_load_pending:
      '{minutes} 分钟后 BigQuery 仍在把「{sheet}」导入 {table}（作业 {job}）。该作业会自行完成：再次导入之前，请先在 Google Cloud 控制台查看它。',
    bigquery_load_failed: 'BigQuery 未能把「{sheet}」导入 {table}：{message}。没有导入任何内容。',
    broken_header: '工作表「{sheet}」：{problem}',
    error_generic:
      '出错了：{message}。运行可能中途停止：请再运行一次以完成（不会重复发送或写入）。详情见 扩展程序 → Apps Script → 执行记录。',
  },
  /** Data issues, one text per code (`DataIssue.code`); `{setup}` and `{map}` name the fix. */
  issue: {
    sheet_missing: '缺少工作表「{name}」。{setup}',
    sheet_duplicate: '有两个工作表都对应「{name}」，当前使用「{used}」。请重命名或删除另一个。',
    bigquery_output_off:
      '设置中为 Looker Studio 指定了 BigQuery 表 {table}（{setting}），但本脚本部署时未包含 BigQuery 服务，因此未写入。请用 `npm run deploy -- --with-bigquery` 部署（见 docs/outgrow.zh-CN.md），或清空 {setting}。',
    bigquery_output_settings:
      '设置中为 Looker Studio 指定了 BigQuery 表 {table}（{setting}）：请填写 {missing}，才能写入（见 docs/outgrow.zh-CN.md）。',
    bigquery_table_not_ours:
      'BigQuery 表 {table} 已存在，但不是本工作簿的刷新为{key}创建的（刷新创建的表带有 kam-sheets 和 kam-workbook 标签），因此保持原样，{key}未写入该表。请在 {setting} 中填写另一个表名，刷新时会自动创建。',
    bigquery_history_unpartitioned:
      'BigQuery 表 {table} 未按 {field} 按天分区，因此今天的快照未写入（其他日期保持原样）。请在 {setting} 中填写一个新表名，刷新时会创建带分区的表。',
    bigquery_output_too_big:
      '今天的摘要有 {mb} MB，超过 Apps Script 单次 BigQuery 加载能携带的大小（{max} MB），因此未写入 {table}。请改用 `bq load` 加载摘要表（见 docs/outgrow.zh-CN.md）。',
    bigquery_tables_same:
      'bigquery_history_table 与 bigquery_summary_table 指向同一张表（{table}）：摘要每次刷新都会整体替换，历史快照不能放在那里，因此未写入。请在 bigquery_history_table 中填写另一张表。',
    bigquery_output_failed:
      'BigQuery 未能写入 {table}：{message}。该表保持原样，下次刷新会再次尝试。',
    bigquery_output_pending:
      '刷新结束时 BigQuery 尚未写完 {table}（作业 {job}）。作业会自行完成；如果该表没有今天的快照，请在 Google Cloud 控制台查看该作业。',
    sheet_not_ours:
      '工作表「{name}」与脚本的 {key} 表同名，但不是脚本写入的（其第一个单元格为「{first}」），因此保持原样，未写入 {key}。请重命名您的工作表，下次刷新时会创建 {key}。',
    header_missing: '缺少必需的列「{name}」。{setup}或把您的某个表头映射到它：{map}',
    header_ambiguous: '表头「{name}」既可能是「{a}」也可能是「{b}」，因此未读取。请指明：{map}',
    header_unrecognised:
      '未识别列「{name}」。您是指 {suggestion} 吗？请映射它（或映射为 ignore）：{map}',
    header_not_ours:
      '列「{name}」不是 kam-sheets 读取的列，因此保持原样、不读取。如果它对应我们的某一列，请映射它；如果是您自己的列，请映射为 ignore，此提示即消失：{map}',
    sheet_unrecognised: '工作表「{name}」看起来是 {suggestion}，但未被识别。请映射它：{map}',
    map_unknown_target:
      '「{target}」不是工作表「{sheet}」的列，也不是 ignore；列映射中的这一行未被使用。',
    header_duplicate:
      '列「{name}」出现了两次（第 {first} 列和第 {second} 列），只读取第一列。请重命名或删除其中一列。',
    required_missing: '「{name}」为必填项，该行未计入统计。',
    not_a_date: '不是有效日期。请使用日期格式或 YYYY-MM-DD。',
    not_a_number: '不是有效数字。',
    not_an_integer: '不是整数。',
    out_of_range: '必须在 {min} 到 {max} 之间。',
    below_minimum: '不能小于 {min}。',
    not_an_email: '不是有效的邮箱地址。',
    not_in_list: '不在可选值中：{options}。',
    not_yes_no: '请填写 是 或 否。',
    not_a_birthday: '不是有效日期。请使用 YYYY-MM-DD；年份未知时可写 MM-DD。',
    duplicate_id: '客户编号 {id} 重复（首次出现在第 {first} 行），该行未计入统计。',
    duplicate_opportunity:
      '机会编号 {id} 出现在多行（另见第 {other} 行），在编号改为唯一之前，这些行都不计入统计。',
    unknown_account: '客户编号 {id} 不在客户表中，该行未计入统计。',
    unknown_parent: '上级客户 {id} 不在客户表中。',
    parent_cycle: '上级客户形成了循环：{path}。',
    unknown_currency: '设置中没有 {currency} 的汇率，该行未计入统计。',
    future_date: '日期在未来，该行暂不计入。',
    amount_missing: '没有金额，也无法用 数量 × 单价 计算，该行未计入统计。',
    unknown_setting: '未知的设置项「{name}」，已忽略。',
    invalid_setting: '{name} 的值无效，使用默认值 {default}。',
    cutoffs_order: 'abc_cutoff_a 不能大于 abc_cutoff_b，已使用默认值 0.8 和 0.95。',
    invalid_rate: '汇率必须是大于 0 的数字。',
    owner_missing: '没有负责人邮箱：该客户不会收到提醒。',
    recipient_blocked: '{email} 不在 allowed_recipient_domains 允许的范围内，未向其发送提醒。',
    recycle_candidate: '已 {days} 天无活动（recycle_after_days = {limit}）：可重新分配（公海）。',
    cell_limit:
      '工作簿将需要 {cells} 个单元格，超过 Google 表格 1000 万单元格上限，因此本次未更新这些工作表：{skipped}。请精简「{sheet}」{hint}。',
    refresh_time:
      '刷新今天在 {runs} 次运行中都超时（Apps Script 每次运行最多 6 分钟），将停止到下一次夜间刷新；未写到的工作表保持原样。请缩小工作簿：在设置中调低 history_retention_days 或 analysis_window_months，或把旧的交易和互动记录移到另一个电子表格；然后选择“刷新评分”。',
    cell_budget:
      '工作簿将有 {cells} 个单元格，已达 Google 表格 1000 万单元格上限的 {percent}%。请精简「{sheet}」{hint}。',
  },
  /** Parts of data-issue texts, filled in when the issue is made. */
  issue_part: {
    blank: '（空）',
    trim_hint: '——删除不用的行和列，或把旧数据移到另一个电子表格',
    history_hint: '——例如在设置中把 history_retention_days 改为 {suggested}（当前为 {current}）',
    issues_cut: '{sheet}（仅前 {shown} 个问题，共 {total} 个）',
    list_separator: '、',
    candidate: '{name}（{key}）',
  },
  /** How a text names the fix, per runner: the Sheets menu or the `kam` command. */
  fix: {
    sheets_setup: '请运行 大客户管理 → 初始化工作簿。',
    sheets_map: '大客户管理 → 映射列（或在「列映射」工作表中添加一行）。',
    cli_setup: '请运行 `kam init 工作簿.xlsx`。',
    cli_map: '运行 `kam map 工作簿.xlsx`（加 `--apply` 会把有把握的映射写入「列映射」）。',
  },
  /** What a reminder run says and logs (the email itself is `email` below). */
  remind: {
    no_allow_list:
      '未发送提醒：请在「设置」表中填写 allowed_recipient_domains，即允许接收提醒的邮箱域名，例如 example.com。',
    invalid_owner: '邮箱地址无效：{email}',
    blocked: '{email} 不在 allowed_recipient_domains 允许范围内',
    quota: '今日邮件配额已用完，将在下次运行时发送',
    delivered_before: '上次运行中断前已送达，不再重复发送',
    cc: '抄送 {cc}（停滞超过阈值两倍）',
    done: '提醒：{summary}',
    done_incomplete: '提醒因时间限制暂停（{summary}），其余将在一分钟后继续发送。',
    status_already_sent: '今日已发送',
    status_sent_this_week: '本周已发送',
    status_not_reached: '未处理',
  },
  /** The sidebars and dialogs (Account 360, action board, Map columns, Settings). */
  ui: {
    refresh: '刷新',
    loading: '加载中…',
    saving: '正在保存…',
    close: '关闭',
    all: '全部',
    nothing: '—',
    fix_below: '请修改下方标出的字段；未保存任何内容。',
    overdue: '已逾期',
    due_on: '{date} 到期',
    yes: '是',
    no: '否',
    a360_title: '客户360视图',
    a360_hint:
      '在「客户」表（或任何含客户编号的表）中选中一行，然后点击「刷新」；或按客户编号打开：',
    a360_open: '打开',
    a360_not_found: '客户表中没有编号为「{id}」的客户。',
    profile: '基本信息',
    badge_abc: 'ABC',
    badge_rfm: 'RFM',
    badge_churn: '流失',
    badge_credit: '信用',
    badge_health: '健康度',
    stale: '停滞',
    due_soon: '即将需要跟进',
    on_track: '正常',
    days_since: '距上次活动 {days} 天（{date}）',
    no_activity: '尚无活动',
    revenue_24m: '近24个月收入（{currency}）',
    revenue_12m: '近12个月：{amount}',
    contacts: '联系人',
    no_contacts: '暂无联系人。',
    influence_of: '影响力 {n}/5',
    interactions: '最近10次互动',
    no_interactions: '暂无互动记录。',
    complaint_tag: '投诉',
    satisfaction_of: '满意度 {n}/5',
    open_actions: '未完成行动',
    no_actions: '没有未完成的行动。',
    mark_done: '完成',
    plan: '客户计划',
    no_plan: '该客户暂无客户计划。',
    log_title: '记录互动',
    log_submit: '记录',
    complaint_check: '这是一条投诉',
    action_title: '新增行动',
    action_submit: '添加行动',
    logged: '已记录互动（第 {row} 行）。',
    risks: '风险标记',
    opportunities: '在途商机',
    no_opportunities: '暂无在途商机。',
    move_stage: '推进到阶段',
    stage_moved: '已将「{name}」推进到{stage}。',
    stalled_tag: '停滞',
    close_passed: '预计成交日期已过',
    group: '所属集团',
    group_top: '集团总部',
    group_more: '另有 {count} 个',
    group_summary: '{members} 个客户 · 近12个月收入 {amount} · 集团 ABC {abc}',
    cross_sell: '交叉销售推荐',
    cross_sell_hint: '同行业的多数客户购买了这些产品，而该客户在分析期内没有购买。',
    record_review: '记录回顾',
    review_outcome: '回顾结论',
    review_hint: '记录一条“回顾”互动，并把下次回顾日期顺延 {months} 个月。',
    review_submit: '记录回顾',
    review_recorded: '已记录回顾（第 {row} 行），下次回顾 {date}。',
    err_plan_changed: '侧边栏打开后该计划行已被修改，请刷新后重试。',
    err_no_review_column: '客户计划表没有“下次回顾日期”列：请运行初始化工作簿添加该列。',
    action_added: '已添加行动（第 {row} 行）。',
    action_done: '已将「{task}」标记为完成。',
    choose: '（请选择）',
    board_title: '行动看板',
    board_kind: '显示',
    board_actions: '按状态的行动',
    board_opportunities: '按阶段的商机',
    filter_owner: '负责人',
    filter_account: '客户',
    no_owner: '（无负责人）',
    no_account: '（无客户）',
    move_to: '移动到…',
    moved: '已将「{task}」移到「{status}」。',
    column_empty: '暂无行动',
    more_done: '另有 {count} 条较早完成的行动未显示。',
    drag_hint: '把卡片拖到其他列，或使用卡片上的「移动到…」列表。',
    map_title: '映射列',
    map_intro:
      '以下是未被识别的工作表和表头。请为每一项选择对应内容；保存后会在「列映射」工作表中添加行。',
    map_col_sheet: '工作表',
    map_col_header: '表头',
    map_col_maps_to: '对应',
    map_whole_sheet: '（整个工作表）',
    map_skip: '— 稍后决定 —',
    map_ignore: 'ignore（不是我们的列）',
    map_save: '保存到列映射',
    map_saved: '已在列映射中保存 {count} 行。请运行 刷新评分 以使用它们。',
    map_nothing: '所有工作表和列均已识别，无需映射。',
    map_bad: '无效的映射：{row}',
    map_note: '由 映射列 添加',
    settings_title: '设置',
    settings_save: '保存设置',
    settings_saved: '已保存 {count} 项设置。',
    settings_unchanged: '没有修改。',
    setting_absent: '表中还没有此项：请运行 大客户管理 → 初始化工作簿 添加。',
    setting_invalid_now: '表中的值无效，当前使用默认值 {default}。',
    rates: '汇率（兑 {home}）',
    group_general: '语言与币种',
    group_scoring: '评分与停滞',
    group_reminders: '提醒',
    group_health: '健康度权重',
    lang_auto: 'auto（跟随表格区域设置）',
    lang_en: 'en（英文）',
    lang_zh: 'zh-CN（简体中文）',
    automation: '每日自动化',
    automation_turn_on: '开启',
    automation_turn_off: '关闭',
    no_settings_sheet: '没有「设置」工作表。请运行 大客户管理 → 初始化工作簿。',
    err_required: '必填。',
    err_future: '日期不能晚于今天。',
    err_unknown_account: '客户编号 {id} 不在客户表中。',
    err_no_sheet: '缺少「{sheet}」工作表。请运行 大客户管理 → 初始化工作簿。',
    err_no_column: '「{sheet}」工作表中没有「{column}」列。请运行 大客户管理 → 初始化工作簿。',
    err_changed: '该行动在表格中已被修改。请点击「刷新」后重试。',
    err_due_before_start: '截止日期早于开始日期（{date}）。',
    err_cutoffs: 'abc_cutoff_a 不能大于 abc_cutoff_b。',
    err_setting_integer: '请输入 {min} 到 {max} 之间的整数。',
    err_setting_number: '请输入 {min} 到 {max} 之间的数字。',
    err_setting_language: '请填写 auto、en 或 zh-CN。',
    err_setting_currency: '请填写三位字母的币种代码，例如 CNY。',
    err_setting_email: '请填写一个邮箱地址，或留空。',
    err_setting_emails: '请填写邮箱地址，多个用逗号分隔，或留空。',
    err_setting_source: 'sheet 或 bigquery。',
    err_setting_bq_name: 'BigQuery 名称：字母、数字和 _（项目 ID：6–30 个小写字母、数字和 -）。',
    err_setting_domains: '用逗号分隔的域名或邮箱，例如 example.com, boss@gmail.com。',
    err_rate: '汇率必须是大于 0 的数字。',
  },
  /** Daily automation, the menu status line, test digest and preview (Sheets). */
  automation: {
    on: '每日自动化已开启：每天 {refresh}:00 刷新评分，{hour}:00 发送提醒（{zone}），以 {user} 的身份运行。',
    off: '每日自动化已关闭。',
    already_off: '每日自动化原本就是关闭的。',
    limit:
      '无法开启自动化：此脚本已有 {count} 个触发器，达到 Apps Script 每位用户 {limit} 个的上限。请在 扩展程序 → Apps Script → 触发器 中删除不用的触发器后重试。',
    owned_by:
      '每日自动化已由 {user} 开启。触发器只属于创建它的人，需先由 {user} 关闭，其他人才能开启。',
    owned_by_off: '每日自动化由 {user} 开启，只有 {user} 能关闭（大客户管理 → 关闭每日自动化）。',
    failed: '无法安装触发器：{message}',
    status_on: '自动化：已开启',
    status_off: '自动化：已关闭',
    never_ran: '尚未运行',
    last_ok: '上次运行 {at}：{summary}',
    last_failed: '上次运行 {at} 失败：{summary}',
    summary_refresh: '{accounts} 个客户，{issues} 个数据问题',
    summary_not_run: '未运行（工作簿正忙或运行失败，详见执行记录）',
    summary_nothing: '没有需要发送的提醒',
    summary_separator: '，',
    test_sent: '测试摘要已发送至 {email}。',
    test_manager_sent: '测试经理周报已发送至 {email}。',
    preview_manager: '经理周报（发送给 {emails}）',
    test_nothing: '今天没有可发送的内容：没有停滞客户、待办行动、生日或计划回顾。',
    test_no_user: '脚本无法获取你的邮箱地址，因此未发送测试摘要。',
    preview_title: '提醒预览',
    preview_empty: '今天没有负责人需要收到提醒。',
    test_tag: '[测试] ',
  },
  /** The dashboard tables and charts. */
  dashboard: {
    revenue_by_quarter: '季度收入',
    abc_pareto: 'ABC分类客户数与收入',
    rfm_segments: 'RFM分群客户数',
    stale_by_owner: '各负责人停滞客户数',
    monthly_orders: '月度订单数',
    health_vs_revenue: '健康度与近12个月收入',
    health_bands: '各健康等级客户数',
    risk_flags: '各风险标记客户数',
    pipeline_by_stage: '按阶段的在途商机',
    forecast_by_month: '按预计成交月份的加权预测',
    top_groups: '收入最高的集团（近12个月）',
    seasonality: '季节性：前5大产品各月收入',
    group: '集团',
    none_groups: '无集团',
    no_products: '无产品',
    months_of_year: '1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月',
    stage: '阶段',
    amount: '金额',
    weighted: '加权金额',
    band: '健康等级',
    flag: '风险标记',
    quarter: '季度',
    month: '月份',
    revenue: '收入',
    revenue_12m: '近12个月收入',
    abc_class: 'ABC分类（客户数）',
    cumulative: '累计收入占比 %',
    segment: 'RFM分群',
    accounts: '客户数',
    owner: '负责人',
    stale: '停滞客户数',
    orders: '订单数',
    health: '健康度',
    no_owner: '（无负责人）',
    other_owners: '其他负责人',
    none_stale: '无停滞客户',
    done: '仪表板已重建：「{sheet}」上共 {charts} 个图表。',
    done_tables: '仪表板已重建：图表数据表在「{sheet}」上。',
  },
  /** Help shown by the data validation rules Set up workbook adds. */
  setup: {
    help_list: '请从列表中选择（中文或英文值均可）。',
    help_date: '请输入日期（YYYY-MM-DD）。',
    help_email: '请输入一个邮箱地址。',
    help_number: '请输入数字。',
    help_range: '请输入 {min} 到 {max} 之间的数字。',
    help_min: '请输入不小于 {min} 的数字。',
  },
  /** Every line the `kam` command prints. */
  cli: {
    init_would_drop:
      '{file}：kam init 需要重写整个工作簿，无法保留其中的 {part}（图表、数据透视表等）；文件未作任何修改。kam check、refresh、remind、report 和 map 可直接用于该工作簿；如需补齐缺少的工作表，请用 `kam init` 新建文件后把工作表复制过去，或在 Google 表格中使用「初始化工作簿」',
    part_unreadable: '{file}：kam 无法读取此工作簿中的 {part}（{detail}）；文件未作任何修改',
    read_only: '{file}：工作簿为只读，kam 不会修改它（如需更新请先取消只读，或使用 `kam check`）',
    settings_header: '{file}：工作表「{sheet}」中的设置',
    settings_blank: '空：使用 {default}',
    settings_absent: '表中还没有此项：运行 `kam init {file}` 可添加；使用 {default}',
    settings_bad_rate: '不是正数：刷新时忽略',
    settings_bad_set: '--set 必须是 键=值（汇率写作 rate:USD=7.1），收到「{value}」',
    settings_unknown: '{file}：没有名为「{key}」的设置；运行 `kam settings {file}` 可查看全部设置',
    settings_absent_set: '{file}：表中还没有设置项 {key}；运行 `kam init {file}` 可添加',
    settings_no_rate: '{file}：汇率表中没有 {currency} 这一行；请在「币种」下添加',
    settings_done: '{file}：{message}',
    not_found: '{file}：文件不存在',
    not_a_file: '{file}：这是文件夹，不是工作簿',
    xls: '{file}：这是旧版 Excel 97–2003（.xls）格式，请另存为 .xlsx 后重试',
    encrypted:
      '{file}：工作簿设置了打开密码（已加密），kam 无法读取；请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），保存后重试',
    no_folder: '{file}：文件夹 {dir} 不存在；请先创建该文件夹或换一个路径',
    folder_read_only:
      '{file}：无法在文件夹 {dir} 中写入（{code}）：该文件夹为只读或没有写入权限（`kam remind --dry-run`、`kam check` 和输出到其他位置的 `kam report --out` 只读取工作簿）',
    report_write: '{file}：无法写入报告（{code}）',
    bad_from: '--from 必须是单行的一个邮箱地址，收到「{value}」',
    cells_truncated:
      '{file}：脚本写入的 {count} 个单元格超过 Excel 单元格上限 32,767 个字符，已截短并以「{marker}」结尾（第一个：{first}）。您输入的单元格不会被修改',
    not_xlsx: '{file}：不是 .xlsx 工作簿',
    corrupt: '{file}：工作簿已损坏，无法读取（{detail}）',
    too_big_unpacked:
      '{file}：工作簿解压后为 {total}（其中 {part} 为 {size}），超过上限 {limit}；如确实是这么大的工作簿，请把环境变量 {env} 设为更大的 MiB 数',
    open_elsewhere:
      '{file}：工作簿正在被其他程序打开（锁文件 {lock}），请关闭后重试（如确实没有程序打开，可删除该锁文件）',
    busy: '{file}：另一个 kam 进程（pid {pid}）正在更新此工作簿，请稍后重试',
    locked_write: '{file}：无法替换工作簿（{code}）：它正被其他程序打开或为只读，请关闭后重试',
    no_access: '{file}：没有访问权限（{code}）',
    sheet_missing: '{file}：缺少工作表「{sheet}」；运行 `kam init {file}` 可补齐缺少的工作表和列',
    accounts_unrecognised:
      '{file}：未识别到客户表：「{sheet}」看起来是客户表；运行 `kam map {file}` 查看映射建议，`kam map {file} --apply` 写入映射',
    job_problem: '{file}：{problem}',
    bad_today: '--today 必须是有效日期 YYYY-MM-DD，收到「{value}」',
    bad_number: '{flag} 必须是 {min} 到 {max} 之间的整数，收到「{value}」',
    bad_locale: '--locale 必须是 en 或 zh-CN，收到「{value}」',
    bad_smtp: '--smtp 必须是形如 smtp://user:pass@host:587 的地址，收到「{value}」',
    unexpected: '意外错误：{detail}（工作簿未被修改；设置 KAM_DEBUG=1 可查看详情）',
    init_done: '已创建 {file}（{sheets} 个工作表）',
    init_updated:
      '已初始化 {file}：新建 {created} 个工作表，新增 {columns} 列和 {settings} 个设置项',
    init_unchanged: '{file} 已初始化，无需添加任何内容',
    saved: '已保存 {file}（上一版本：{bak}）',
    check_ok: '{file}：没有数据错误（{warnings} 个警告）',
    check_errors: '{file}：{errors} 个数据错误，{warnings} 个警告',
    remind_outbox: '邮件已写入 {dir}',
    remind_dry_run: '试运行：未发送任何邮件，工作簿未被修改',
    remind_failed: '{count} 封摘要邮件发送失败，已记录为失败，下次运行时会重试',
    ids_filled: '已补全 {count} 个缺少的客户编号（KA-0001…），每个都记录在修改记录中',
    map_sheet: '工作表「{sheet}」→ {target}（{score}，{why}）',
    map_header: '「{sheet}」的列「{header}」→ {target}（{score}，{why}）',
    map_choices:
      '「{sheet}」{what}：无法确定，可能是 {choices}；请在「列映射」中添加一行（对应：上面的某个键，或 ignore）',
    map_what_sheet: '工作表',
    map_what_header: '列「{header}」',
    map_nothing: '{file}：所有工作表和列均已识别，无需映射',
    map_plan:
      '{file}：{sure} 条有把握的映射（用 `kam map {file} --apply` 写入），{left} 条需要您决定',
    map_applied: '{file}：已将 {sure} 条映射写入工作表「{sheet}」，{left} 条需要您决定',
    map_note: '由 kam map --apply 添加',
    why_alias: '别名',
    why_variant: '同名变体',
    why_headers: '表头相符',
    why_spelling: '拼写相近',
    why_values: '数据内容',
    report_done: '报告已写入 {file}',
    demo_title: 'kam-sheets 演示：{accounts} 个客户，{transactions} 条交易，今天 {today}',
    demo_workbook: '  工作簿  {path}',
    demo_emails: '  邮件    {path}（{count} 封摘要）',
    demo_report: '  报告    {path}',
    demo_next:
      '用浏览器打开报告，用邮件程序打开 .eml 文件，用 Excel 打开工作簿或上传到 Google 表格。',
    step_read: '读取',
    step_compute: '计算',
    step_write: '保存',
    step_send: '发送',
    step_generate: '生成',
    issue_line: '{where}{column}：{text}（{severity}）',
    list_separator: '、',
  },
  /** The HTML report of `kam report`. */
  report: {
    heading: '大客户报告',
    asOf: '截至 {date} · 数据来自 {file} · 金额单位 {currency}',
    accounts: '客户数',
    revenue: '近12个月收入',
    stale: '停滞客户',
    aAccounts: 'A 类客户',
    health: '平均健康度',
    issues: '数据问题',
    issuesDetail: '{errors} 个错误 · {warnings} 个警告',
    charts: '仪表板',
    data: '数据',
    staleHeading: '各负责人停滞客户',
    noStale: '没有停滞客户，做得好。',
    noOwner: '（无负责人）',
    colId: '客户编号',
    colName: '客户名称',
    colAbc: 'ABC',
    colDays: '未跟进天数',
    colWhy: '原因',
    colHealth: '健康度',
    groupsHeading: '主要集团',
    noGroups: '没有集团：没有客户填写上级客户编号。',
    colGroup: '集团',
    colMembers: '成员数',
    colRevenue: '近12个月收入',
    colGroupAbc: '集团 ABC',
    colWorst: '最差健康等级',
    colAtRisk: '有风险成员',
    colOwners: '负责人',
    crossSellHeading: '交叉销售推荐',
    crossSellNote:
      '同行业（客户数不少于 {min} 个的行业）中至少 {share} 的客户购买、而该客户在分析期内未购买的产品。按收入从高到低：共 {total} 个，显示 {shown} 个。',
    noCrossSell: '暂无推荐：没有哪个行业有足够多的客户购买同一产品。',
    colIndustry: '行业',
    colSuggestions: '推荐产品',
    footer: '由 kam-sheets（kam report）生成。请先刷新工作簿以获得最新数据。',
  },
  /** 提醒邮件 */
  email,
};
