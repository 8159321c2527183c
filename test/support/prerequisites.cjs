/**
 * Jest global setup: stops the run at once, with the one instruction that fixes it, when a
 * prerequisite of the selected tests is missing — instead of failing the browser tests minutes
 * later. The browser tests need Debian's Chromium (or KAM_CHROMIUM); nothing is downloaded.
 */
const { existsSync } = require('node:fs');

const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';

function selectsBrowserTests(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (patterns.length === 0) return true;
  return patterns.some((p) => /ui|sidebar|test\/?$/i.test(p) || 'test/ui/'.match(new RegExp(p)));
}

module.exports = async function prerequisites(globalConfig) {
  if (!selectsBrowserTests(globalConfig) || existsSync(CHROMIUM)) return;
  // One line, no stack trace: the reader needs the instruction, not Jest's internals.
  process.stderr.write(
    `Chromium not found at ${CHROMIUM}: install it (Debian/Ubuntu: sudo apt-get install chromium; ` +
      `macOS: brew install --cask chromium) or set KAM_CHROMIUM to its path, then run npm test again.\n`,
  );
  process.exit(1);
};
