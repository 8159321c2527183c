// `npm run deploy` (build, then `clasp push --force`) and `npm run push` (`--no-build`);
// `npm run deploy -- --with-bigquery` builds the manifest with BigQuery (docs/outgrow.md).
// The repository ships no .clasp.json: each person's file names their own Apps Script project,
// and a shipped one with an empty scriptId made `clasp create-script` refuse ("Project file
// already exists.") while `clasp push` only said "Project settings not found.". So this checks
// .clasp.json before building or starting clasp, and says in both languages what to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = process.cwd();
const build = !process.argv.includes('--no-build');
const CONFIG = '.clasp.json';

const NEW_SHEET = 'npx clasp create-script --type sheets --title "Key Accounts" --rootDir ./dist';
const EXISTING_SHEET = 'npx clasp clone-script <Script ID> --rootDir ./dist';

/** What to do, in English and Chinese, after the reason (both languages given by the caller). */
function instructions(reasonEn, reasonZh) {
  return [
    `npm run deploy: ${reasonEn}`,
    `  New sheet: ${NEW_SHEET}`,
    '  Your existing sheet: copy its Script ID (Extensions → Apps Script → Project Settings), then',
    `    ${EXISTING_SHEET}`,
    `  (log in first with npx clasp login), then run npm run deploy again.`,
    `  README.md → "Deploy to your own Google Sheet", step 4.`,
    '',
    `npm run deploy：${reasonZh}`,
    `  新建表格：${NEW_SHEET}`,
    '  使用已有表格：复制它的脚本 ID（扩展程序 → Apps 脚本 → 项目设置），然后运行',
    `    ${EXISTING_SHEET}`,
    `  （先运行 npx clasp login 登录），再运行 npm run deploy。`,
    `  见 README.zh-CN.md →“部署到你自己的 Google 表格”第 4 步。`,
  ].join('\n');
}

/** Why .clasp.json cannot be used, or null when it names a project and uploads dist/. */
function problem() {
  const path = join(root, CONFIG);
  if (!existsSync(path))
    return instructions(
      `there is no ${CONFIG} here, so clasp does not know which Apps Script project to` +
        ' upload to (clasp itself only says "Project settings not found.").',
      `这里没有 ${CONFIG}，clasp 不知道要上传到哪个 Apps Script 项目` +
        '（clasp 自己只会提示 "Project settings not found."）。',
    );
  let config;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return instructions(
      `${CONFIG} is not valid JSON (${e.message}); delete it and create it again.`,
      `${CONFIG} 不是有效的 JSON（${e.message}）；删除后重新生成。`,
    );
  }
  const scriptId = typeof config?.scriptId === 'string' ? config.scriptId.trim() : '';
  if (scriptId === '')
    return instructions(
      `${CONFIG} has no scriptId (clasp would say "Project settings not found.");` +
        ` delete ${CONFIG}, then:`,
      `${CONFIG} 没有 scriptId（clasp 会提示 "Project settings not found."）；` +
        `删除 ${CONFIG} 后：`,
    );
  const contentDir = resolve(root, config.srcDir ?? config.rootDir ?? '.');
  if (contentDir !== join(root, 'dist'))
    return [
      `npm run deploy: ${CONFIG} must have "rootDir": "dist" (the build writes dist/Code.js);` +
        ` it uploads ${contentDir}. Set "rootDir": "dist" and run npm run deploy again.`,
      `npm run deploy：${CONFIG} 中必须是 "rootDir": "dist"（构建输出 dist/Code.js），` +
        `现在上传的是 ${contentDir}。改为 "rootDir": "dist" 后再运行 npm run deploy。`,
    ].join('\n');
  return null;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error) {
    process.stderr.write(`npm run deploy: ${command}: ${result.error.message}\n`);
    return 2;
  }
  return result.status ?? 2;
}

const why = problem();
if (why !== null) {
  process.stderr.write(`${why}\n`);
  process.exit(1);
}
if (build) {
  // `--with-bigquery`: the manifest adds BigQuery's scope and advanced service (docs/outgrow.md).
  const bigquery = process.argv.includes('--with-bigquery') ? ['--', '--configBigquery'] : [];
  const status = run('npm', ['run', 'build', ...bigquery]);
  if (status !== 0) process.exit(status);
}
const local = join(
  root,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'clasp.cmd' : 'clasp',
);
process.exit(run(existsSync(local) ? local : 'clasp', ['push', '--force']));
