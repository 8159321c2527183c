import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { createGas } from '../fakes';
import { ensureBuilt, entryPoints, loadBundle } from './load';

/**
 * Apps Script runs Code.js in one global scope, and an HTML page can call any global function
 * through `google.script.run` unless its name ends with `_` ("Private functions",
 * https://developers.google.com/apps-script/guides/html/communication). So every top-level
 * function of the bundle is reachable from a sidebar's browser console. Only the entry points
 * of src/index.ts may be: the menu, triggers, custom functions and the pages' own calls.
 */
describe('dist/Code.js: what the browser can call', () => {
  const code = ensureBuilt();
  const entries = [...entryPoints()].sort();

  it('its global functions are exactly the entry points of src/index.ts', () => {
    const bundle = loadBundle();
    const services = new Set(Object.keys(createGas().globals));
    const callable = Object.keys(bundle.scope)
      .filter((name) => !services.has(name) && typeof bundle.scope[name] === 'function')
      .sort();
    expect(callable).toEqual(entries);
  });

  it('declares nothing else at top level but one namespace object', () => {
    const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true);
    const functions: string[] = [];
    const others: string[] = [];
    for (const statement of file.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name)
        functions.push(statement.name.text);
      else if (ts.isVariableStatement(statement))
        for (const d of statement.declarationList.declarations) others.push(d.name.getText(file));
      else others.push(ts.SyntaxKind[statement.kind]);
    }
    expect(functions.sort()).toEqual(entries);
    // One object holding the internals; `_` keeps it private even if it were a function.
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^\w+_$/);
  });

  it('still leaves out what no entry point uses (tree-shaking survives the wrapping)', () => {
    // The demo-data generator is used by `kam demo` only.
    expect(
      readFileSync(
        join(__dirname, '..', '..', 'src', 'core', 'sample-data', 'generate-model.ts'),
        'utf8',
      ),
    ).toContain('export function generateModel(');
    expect(code).not.toContain('generateModel');
  });

  it('every function the HTML pages call through google.script.run is an entry point', () => {
    const dir = join(__dirname, '..', '..', 'src', 'html');
    const called = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, file), 'utf8');
      // The pages call the server through Kam.call(name, …) or submit(form, name, …).
      for (const m of html.matchAll(/(?:Kam\.call|submit)\(\s*(?:\w+,\s*)?'(\w+)'/g))
        called.add(m[1]);
      // Any other literal server name would bypass that helper.
      for (const m of html.matchAll(/google\.script\.run[\s\S]{0,200}?\.(kam\w+|KAM_\w+)\(/g))
        called.add(m[1]);
    }
    expect(called.size).toBeGreaterThanOrEqual(9);
    for (const name of called) expect(entries).toContain(name);
  });
});
