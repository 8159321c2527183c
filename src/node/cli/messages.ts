import type { Locale } from '../../core/i18n/locale';

/** Every line the `kam` CLI prints, in both languages (README.md). `{x}` are parameters. */
const TEXTS = {
  not_found: { en: '{file}: no such file', zh: '{file}：文件不存在' },
  not_a_file: { en: '{file}: is a folder, not a workbook', zh: '{file}：这是文件夹，不是工作簿' },
  xls: {
    en: '{file}: old Excel 97–2003 (.xls) format; save it as .xlsx and try again',
    zh: '{file}：这是旧版 Excel 97–2003（.xls）格式，请另存为 .xlsx 后重试',
  },
  encrypted: {
    en: '{file}: the workbook is password-protected (encrypted), so kam cannot read it; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the box), save it and try again',
    zh: '{file}：工作簿设置了打开密码（已加密），kam 无法读取；请在 Excel 中打开，删除密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），保存后重试',
  },
  no_folder: {
    en: '{file}: the folder {dir} does not exist; create it first or give another path',
    zh: '{file}：文件夹 {dir} 不存在；请先创建该文件夹或换一个路径',
  },
  folder_read_only: {
    en: '{file}: cannot write in the folder {dir} ({code}); it is read-only or you may not write there (`kam remind --dry-run`, `kam check` and `kam report --out` elsewhere only read it)',
    zh: '{file}：无法在文件夹 {dir} 中写入（{code}）：该文件夹为只读或没有写入权限（`kam remind --dry-run`、`kam check` 和输出到其他位置的 `kam report --out` 只读取工作簿）',
  },
  report_write: {
    en: '{file}: cannot write the report ({code})',
    zh: '{file}：无法写入报告（{code}）',
  },
  bad_from: {
    en: '--from must be one email address on one line, got "{value}"',
    zh: '--from 必须是单行的一个邮箱地址，收到「{value}」',
  },
  cells_truncated: {
    en: '{file}: {count} cells the script wrote were longer than the 32,767 characters Excel allows in a cell; they were shortened and end in "{marker}" (first: {first}). Cells you typed are never changed',
    zh: '{file}：脚本写入的 {count} 个单元格超过 Excel 单元格上限 32,767 个字符，已截短并以「{marker}」结尾（第一个：{first}）。您输入的单元格不会被修改',
  },
  not_xlsx: { en: '{file}: not an .xlsx workbook', zh: '{file}：不是 .xlsx 工作簿' },
  corrupt: {
    en: '{file}: the workbook is damaged and cannot be read ({detail})',
    zh: '{file}：工作簿已损坏，无法读取（{detail}）',
  },
  too_big_unpacked: {
    en: '{file}: the workbook unpacks to {total} ({part} alone is {size}), over the limit of {limit}; if it really is a workbook this big, set {env} to a larger number of MiB',
    zh: '{file}：工作簿解压后为 {total}（其中 {part} 为 {size}），超过上限 {limit}；如确实是这么大的工作簿，请把环境变量 {env} 设为更大的 MiB 数',
  },
  open_elsewhere: {
    en: '{file}: the workbook is open in another program (lock file {lock}); close it and try again (delete the lock file if no program has it open)',
    zh: '{file}：工作簿正在被其他程序打开（锁文件 {lock}），请关闭后重试（如确实没有程序打开，可删除该锁文件）',
  },
  busy: {
    en: '{file}: another kam run is updating this workbook (pid {pid}); try again when it has finished',
    zh: '{file}：另一个 kam 进程（pid {pid}）正在更新此工作簿，请稍后重试',
  },
  locked_write: {
    en: '{file}: cannot replace the workbook ({code}): it is open in another program or read-only; close it and try again',
    zh: '{file}：无法替换工作簿（{code}）：它正被其他程序打开或为只读，请关闭后重试',
  },
  init_would_drop: {
    en: '{file}: kam init would rewrite the whole workbook and could not keep {part} (charts, pivot tables and the like); nothing was changed. kam check, refresh, remind, report and map work on it as it is; to add missing sheets, run `kam init` on a new file and copy the sheets over, or use Set up workbook in Google Sheets',
    zh: '{file}：kam init 需要重写整个工作簿，无法保留其中的 {part}（图表、数据透视表等）；文件未作任何修改。kam check、refresh、remind、report 和 map 可直接用于该工作簿；如需补齐缺少的工作表，请用 `kam init` 新建文件后把工作表复制过去，或在 Google 表格中使用「初始化工作簿」',
  },
  part_unreadable: {
    en: '{file}: kam cannot read {part} in this workbook ({detail}); nothing was changed',
    zh: '{file}：kam 无法读取此工作簿中的 {part}（{detail}）；文件未作任何修改',
  },
  read_only: {
    en: '{file}: the workbook is read-only; kam leaves it as it is (make it writable to update it, or use `kam check`)',
    zh: '{file}：工作簿为只读，kam 不会修改它（如需更新请先取消只读，或使用 `kam check`）',
  },
  no_access: { en: '{file}: permission denied ({code})', zh: '{file}：没有访问权限（{code}）' },
  sheet_missing: {
    en: '{file}: sheet "{sheet}" is missing; `kam init {file}` adds the missing sheets and columns',
    zh: '{file}：缺少工作表「{sheet}」；运行 `kam init {file}` 可补齐缺少的工作表和列',
  },
  accounts_unrecognised: {
    en: '{file}: no accounts sheet recognised: "{sheet}" looks like accounts; `kam map {file}` lists the mapping and `kam map {file} --apply` writes it',
    zh: '{file}：未识别到客户表：「{sheet}」看起来是客户表；运行 `kam map {file}` 查看映射建议，`kam map {file} --apply` 写入映射',
  },
  job_problem: { en: '{file}: {problem}', zh: '{file}：{problem}' },
  bad_today: {
    en: '--today must be a real date YYYY-MM-DD, got "{value}"',
    zh: '--today 必须是有效日期 YYYY-MM-DD，收到「{value}」',
  },
  bad_number: {
    en: '{flag} must be a whole number from {min} to {max}, got "{value}"',
    zh: '{flag} 必须是 {min} 到 {max} 之间的整数，收到「{value}」',
  },
  bad_locale: {
    en: '--locale must be en or zh-CN, got "{value}"',
    zh: '--locale 必须是 en 或 zh-CN，收到「{value}」',
  },
  bad_smtp: {
    en: '--smtp must be a URL like smtp://user:pass@host:587, got "{value}"',
    zh: '--smtp 必须是形如 smtp://user:pass@host:587 的地址，收到「{value}」',
  },
  unexpected: {
    en: 'unexpected error: {detail} (the workbook was not changed; KAM_DEBUG=1 shows details)',
    zh: '意外错误：{detail}（工作簿未被修改；设置 KAM_DEBUG=1 可查看详情）',
  },
  // Results
  init_done: { en: 'Created {file} ({sheets} sheets)', zh: '已创建 {file}（{sheets} 个工作表）' },
  init_updated: {
    en: 'Set up {file}: {created} sheets created, {columns} columns and {settings} settings added',
    zh: '已初始化 {file}：新建 {created} 个工作表，新增 {columns} 列和 {settings} 个设置项',
  },
  init_unchanged: {
    en: '{file} is already set up: nothing to add',
    zh: '{file} 已初始化，无需添加任何内容',
  },
  saved: { en: 'Saved {file} (previous version: {bak})', zh: '已保存 {file}（上一版本：{bak}）' },
  check_ok: {
    en: '{file}: no data errors ({warnings} warnings)',
    zh: '{file}：没有数据错误（{warnings} 个警告）',
  },
  check_errors: {
    en: '{file}: {errors} data errors, {warnings} warnings',
    zh: '{file}：{errors} 个数据错误，{warnings} 个警告',
  },
  remind_outbox: { en: 'Emails written to {dir}', zh: '邮件已写入 {dir}' },
  remind_dry_run: {
    en: 'Dry run: nothing was sent and the workbook was not changed',
    zh: '试运行：未发送任何邮件，工作簿未被修改',
  },
  remind_failed: {
    en: '{count} digests could not be sent; they are logged as failed and retried on the next run',
    zh: '{count} 封摘要邮件发送失败，已记录为失败，下次运行时会重试',
  },
  ids_filled: {
    en: '{count} missing account IDs filled in (KA-0001…), each logged in Change Log',
    zh: '已补全 {count} 个缺少的客户编号（KA-0001…），每个都记录在修改记录中',
  },
  map_sheet: {
    en: 'sheet "{sheet}" → {target} ({score}, {why})',
    zh: '工作表「{sheet}」→ {target}（{score}，{why}）',
  },
  map_header: {
    en: '"{sheet}" column "{header}" → {target} ({score}, {why})',
    zh: '「{sheet}」的列「{header}」→ {target}（{score}，{why}）',
  },
  map_choices: {
    en: '"{sheet}" {what}: not sure, could be {choices}; add a row to Column Map (maps_to: a key above, or ignore)',
    zh: '「{sheet}」{what}：无法确定，可能是 {choices}；请在「列映射」中添加一行（对应：上面的某个键，或 ignore）',
  },
  map_what_sheet: { en: 'sheet', zh: '工作表' },
  map_what_header: { en: 'column "{header}"', zh: '列「{header}」' },
  map_nothing: {
    en: '{file}: every sheet and column is recognised; nothing to map',
    zh: '{file}：所有工作表和列均已识别，无需映射',
  },
  map_plan: {
    en: '{file}: {sure} confident mappings (write them with `kam map {file} --apply`), {left} left for you',
    zh: '{file}：{sure} 条有把握的映射（用 `kam map {file} --apply` 写入），{left} 条需要您决定',
  },
  map_applied: {
    en: '{file}: {sure} mappings written to sheet "{sheet}", {left} left for you',
    zh: '{file}：已将 {sure} 条映射写入工作表「{sheet}」，{left} 条需要您决定',
  },
  map_note: { en: 'added by kam map --apply', zh: '由 kam map --apply 添加' },
  why_alias: { en: 'alias', zh: '别名' },
  why_variant: { en: 'same name', zh: '同名变体' },
  why_headers: { en: 'its headers', zh: '表头相符' },
  why_spelling: { en: 'similar spelling', zh: '拼写相近' },
  why_values: { en: 'its values', zh: '数据内容' },
  settings_header: {
    en: '{file}: settings on sheet "{sheet}"',
    zh: '{file}：工作表「{sheet}」中的设置',
  },
  settings_blank: { en: 'blank: {default} applies', zh: '空：使用 {default}' },
  settings_absent: {
    en: 'not in the sheet: `kam init {file}` adds it; {default} applies',
    zh: '表中还没有此项：运行 `kam init {file}` 可添加；使用 {default}',
  },
  settings_bad_rate: {
    en: 'not a positive number: the refresh ignores it',
    zh: '不是正数：刷新时忽略',
  },
  settings_bad_set: {
    en: '--set must be KEY=VALUE (rate:USD=7.1 for an exchange rate), got "{value}"',
    zh: '--set 必须是 键=值（汇率写作 rate:USD=7.1），收到「{value}」',
  },
  settings_unknown: {
    en: '{file}: there is no setting "{key}"; `kam settings {file}` lists them',
    zh: '{file}：没有名为「{key}」的设置；运行 `kam settings {file}` 可查看全部设置',
  },
  settings_absent_set: {
    en: '{file}: the setting {key} is not in the sheet yet; `kam init {file}` adds it',
    zh: '{file}：表中还没有设置项 {key}；运行 `kam init {file}` 可添加',
  },
  settings_no_rate: {
    en: '{file}: the exchange rate table has no row for {currency}; add one under Currency',
    zh: '{file}：汇率表中没有 {currency} 这一行；请在「币种」下添加',
  },
  settings_done: { en: '{file}: {message}', zh: '{file}：{message}' },
  report_done: { en: 'Report written to {file}', zh: '报告已写入 {file}' },
  demo_title: {
    en: 'kam-sheets demo: {accounts} accounts, {transactions} transactions, today {today}',
    zh: 'kam-sheets 演示：{accounts} 个客户，{transactions} 条交易，今天 {today}',
  },
  demo_workbook: { en: '  Workbook  {path}', zh: '  工作簿  {path}' },
  demo_emails: {
    en: '  Emails    {path} ({count} digests)',
    zh: '  邮件    {path}（{count} 封摘要）',
  },
  demo_report: { en: '  Report    {path}', zh: '  报告    {path}' },
  demo_next: {
    en: 'Open the report in a browser, the .eml files in a mail program, the workbook in Excel or upload it to Google Sheets.',
    zh: '用浏览器打开报告，用邮件程序打开 .eml 文件，用 Excel 打开工作簿或上传到 Google 表格。',
  },
  // Progress steps
  step_read: { en: 'Reading', zh: '读取' },
  step_compute: { en: 'Computing', zh: '计算' },
  step_write: { en: 'Saving', zh: '保存' },
  step_send: { en: 'Sending', zh: '发送' },
  step_generate: { en: 'Generating', zh: '生成' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type CliText = keyof typeof TEXTS;

export function cliText(
  key: CliText,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const t = TEXTS[key];
  return (locale === 'zh-CN' ? t.zh : t.en).replace(/\{(\w+)\}/g, (_, k: string) =>
    String(params[k] ?? ''),
  );
}

/** A problem the user can fix: printed as one line, exit code 2 (or `exitCode`). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'CliError';
  }
}
