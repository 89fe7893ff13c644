// Issue 8, wording: one glossary (renderer/i18n/glossary.ts) applied everywhere. Walks every string of
// the renderer's catalogue (calling each function with sample arguments) and every Indonesian string
// literal of the host (main/, common/), and fails on the words the glossary replaced: "antrian",
// "host" in an Indonesian sentence, "Panggil lagi", "Pengguna panjang", and command-line flags on a
// screen (only a `technical` key, folded under "Detail teknis", may show one).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { t } from '../../renderer/i18n/id';
import { glossary } from '../../renderer/i18n/glossary';
import { displayText } from '../../renderer/features/display/strings';
import { visitorText } from '../../renderer/features/visitor/strings';
import { backupStrings } from '../../renderer/features/backup/strings';
import { dtksStrings } from '../../renderer/features/dtks/strings';
import { followupsStrings } from '../../renderer/features/followups/strings';
import { syncStrings } from '../../renderer/features/sync/strings';

const root = join(__dirname, '..', '..');

const ANTRIAN = /antrian/i;
// "host" as a word, once command-line flags and their values ("--mode host") are taken out.
const FLAG = /--[a-z][a-z0-9-]*(?:[ =](?:host|desk)\b)?/gi;
const HOST = /\bhost\b/i;
const FLAG_ON_SCREEN = /--[a-z][a-z0-9]*(?:-[a-z0-9]+)*/i;
const OLD_RECALL = /Panggil lagi/i;
const LONG_USER = /Pengguna panjang/i;

// Sample arguments a catalogue function is tried with; a sample that makes it throw is skipped.
const SAMPLE_SETS: unknown[][] = [
  ['panjang', 'panjang', 'panjang', 'panjang'],
  [3, 3, 3, 3],
  ['panjang', 3, 3, 3],
  [3, 'panjang', 'panjang', 'panjang'],
  [1, 1, 1, 1],
  [0, 0, 0, 0],
  [null, null, null, null],
];

/** Every string the object yields, with its dotted path. */
function walk(value: unknown, path: string, out: Array<{ path: string; text: string }>): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (typeof value === 'function') {
    for (const args of SAMPLE_SETS) {
      try {
        walk((value as (...a: unknown[]) => unknown)(...args.slice(0, Math.max(value.length, 1))), path, out);
      } catch {
        // Not a sample this function takes (e.g. a key lookup); the other samples still run.
      }
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, out);
  }
}

function catalogue(): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  walk(t, '', out);
  walk({ display: displayText, visitor: visitorText, ...backupStrings, dtks: dtksStrings, followups: followupsStrings, sync: syncStrings }, '', out);
  return out;
}

/** Problems of one piece of Indonesian text shown to people. */
function problems(text: string, opts: { flagsAllowed: boolean }): string[] {
  const found: string[] = [];
  if (ANTRIAN.test(text)) found.push(`"antrian" (use "${glossary.antrean}")`);
  if (HOST.test(text.replace(FLAG, ' '))) found.push(`"host" (use "${glossary.komputerUtama}")`);
  if (OLD_RECALL.test(text)) found.push(`"Panggil lagi" (use "${glossary.panggilTerlewat}" or "${glossary.panggilUlang}")`);
  if (LONG_USER.test(text)) found.push('"Pengguna panjang" (quote the user name)');
  if (!opts.flagsAllowed && FLAG_ON_SCREEN.test(text)) found.push('a command-line flag (only under a `technical` key)');
  return found;
}

// --- the host's messages: string literals of main/ and common/, read with the TypeScript parser ---

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** String and template literals (interpolations read as "X"), comments excluded by the parser. */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text + node.templateSpans.map((s) => `X${s.literal.text}`).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

// Words that mark a literal as an Indonesian sentence (English log lines may keep "host").
const INDONESIAN = /\b(tidak|belum|sudah|dapat|yang|dan|atau|di|ke|dari|untuk|bila|lalu|minta|sedang|ini|itu|dengan|memerlukan|hanya|gagal|coba|jadi)\b/i;

function hostMessages(): Array<{ file: string; text: string }> {
  return ['main', 'common'].flatMap((d) =>
    tsFiles(join(root, d)).flatMap((file) =>
      literals(file)
        .filter((text) => INDONESIAN.test(text))
        .map((text) => ({ file: relative(root, file), text })),
    ),
  );
}

describe('wording (issue 8): one glossary everywhere', () => {
  it('the glossary keeps the two calling actions apart', () => {
    expect(glossary.panggilUlang).not.toBe(glossary.panggilTerlewat);
    expect(t.queue.recall).toBe(glossary.panggilUlang);
    expect(t.queue.callSkipped).toBe(glossary.panggilTerlewat);
    expect(glossary.panggilTerlewat).not.toMatch(/lagi|ulang/i);
  });

  it('the catalogue speaks the glossary and shows no command-line flags', () => {
    const strings = catalogue();
    expect(strings.length).toBeGreaterThan(500);
    const bad = strings
      .flatMap((s) => problems(s.text, { flagsAllowed: /(^|\.)technical(\.|$)/.test(s.path) }).map((p) => `${s.path}: ${p} in "${s.text}"`));
    expect(bad).toEqual([]);
  });

  it('a created user is named as a name, not read as an adjective', () => {
    expect(t.admin.users.created('panjang')).toBe('Akun pengguna “panjang” dibuat.');
  });

  it("the host's Indonesian messages speak the glossary", () => {
    const messages = hostMessages();
    expect(messages.length).toBeGreaterThan(200);
    const bad = messages.flatMap((m) =>
      // Start-up messages of the command line (main/app) may name its flags; screens may not.
      problems(m.text, { flagsAllowed: m.file.startsWith(join('main', 'app')) }).map((p) => `${m.file}: ${p} in "${m.text}"`),
    );
    expect(bad).toEqual([]);
  });

  it('the checks catch the old words', () => {
    expect(problems('Ambil antrian', { flagsAllowed: false })).toHaveLength(1);
    expect(problems('Terhubung ke host', { flagsAllowed: false })).toHaveLength(1);
    expect(problems('Jalankan dengan --host-url', { flagsAllowed: false })).toHaveLength(1);
    expect(problems('Jalankan dengan --host-url', { flagsAllowed: true })).toEqual([]);
    expect(problems('Panggil lagi', { flagsAllowed: false })).toHaveLength(1);
    expect(problems('Pengguna panjang dibuat.', { flagsAllowed: false })).toHaveLength(1);
    expect(problems('Loket host listening on', { flagsAllowed: false })).toHaveLength(1);
  });
});
