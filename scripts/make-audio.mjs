#!/usr/bin/env node
// Makes the waiting-room announcement clips once, on a developer machine (office PCs have no
// speech synthesiser): espeak-ng speaks each word with the Indonesian voice, sox trims the
// silence, normalises and encodes 16 kHz mono Ogg Vorbis, which Chromium and Electron play.
// The clips and their manifest are committed; run again only when a word changes.
//
//   npm run make:audio            needs `espeak-ng` and `sox` (Debian: apt-get install espeak-ng sox)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'renderer', 'public', 'audio');
const EXT = 'ogg';
const RATE = '16000';
// Words per minute: a little slower than espeak's 175 so a noisy waiting room can follow.
const SPEED = '140';

const LETTER_NAMES = {
  A: 'a', B: 'be', C: 'ce', D: 'de', E: 'e', F: 'ef', G: 'ge', H: 'ha', I: 'i', J: 'je', K: 'ka', L: 'el', M: 'em',
  N: 'en', O: 'o', P: 'pe', Q: 'ki', R: 'er', S: 'es', T: 'te', U: 'u', V: 've', W: 'we', X: 'eks', Y: 'ye', Z: 'zet',
};
const DIGITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

function counterWord(n) {
  if (n < 10) return DIGITS[n];
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${DIGITS[n - 10]} belas`;
  return `${DIGITS[Math.floor(n / 10)]} puluh${n % 10 ? ` ${DIGITS[n % 10]}` : ''}`;
}

/** clip id -> text for espeak. `[[...]]` is espeak phoneme input, used where its guess is wrong. */
function spokenClips() {
  const clips = {
    'nomor-antrean': 'nomor antrean',
    'silakan-ke': 'silakan ke',
    // espeak says "lok@t"; the word is lokèt.
    loket: "[[l'okEt]]",
    // Counters above 20 are said as <tens> puluh <ones> from the counter clips.
    puluh: 'puluh',
  };
  DIGITS.forEach((word, d) => (clips[String(d)] = word));
  for (const [letter, name] of Object.entries(LETTER_NAMES)) clips[letter] = name;
  for (let n = 1; n <= 20; n++) clips[`c${n}`] = counterWord(n);
  return clips;
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();

function checkTools() {
  for (const [cmd, hint] of [
    ['espeak-ng', 'espeak-ng'],
    ['sox', 'sox'],
  ]) {
    try {
      run(cmd, ['--version']);
    } catch {
      console.error(`make-audio: '${cmd}' not found. Install it first (Debian/Ubuntu: apt-get install ${hint}).`);
      process.exit(1);
    }
  }
}

// -R: sox's default random seed, so the Ogg stream serials (and so the files) are the same every run.
const SOX_OUT = ['-R'];
const ENCODE = ['-r', RATE, '-c', '1', '-C', '2'];
// Trim leading and trailing silence, then pad a short gap so concatenated words stay apart.
const TRIM = ['silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse'];

function speak(id, text, tmp) {
  const wav = join(tmp, `${id}.wav`);
  run('espeak-ng', ['-v', 'id', '-s', SPEED, '-w', wav, text]);
  run('sox', [...SOX_OUT, wav, ...ENCODE, join(outDir, `${id}.${EXT}`), ...TRIM, 'norm', '-1', 'pad', '0.02', '0.08']);
}

/** A two-note "ding-dong" (E5 then C5) with soft attack and decay. */
function chime(tmp) {
  const notes = [
    ['hi', '659.25', '0.45'],
    ['lo', '523.25', '0.8'],
  ].map(([name, freq, len]) => {
    const file = join(tmp, `chime-${name}.wav`);
    run('sox', [...SOX_OUT, '-n', '-r', RATE, '-c', '1', file, 'synth', len, 'sine', freq, 'sine', String(Number(freq) * 2),
      'remix', '-', 'fade', 'q', '0.01', len, String(Number(len) * 0.8)]);
    return file;
  });
  run('sox', [...SOX_OUT, ...notes, ...ENCODE, join(outDir, `chime.${EXT}`), 'norm', '-3', 'pad', '0', '0.25']);
}

function duration(file) {
  return Math.round(Number(run('soxi', ['-D', file])) * 1000);
}

function main() {
  checkTools();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'loket-audio-'));
  try {
    const clips = spokenClips();
    // One file per clip id, even where the words repeat (counters 1-9 are the digits' words): the
    // player finds a clip by its id alone, without reading the manifest.
    for (const [id, text] of Object.entries(clips)) speak(id, text, tmp);
    chime(tmp);
    const ids = ['chime', ...Object.keys(clips)];
    const manifest = {
      format: EXT,
      sampleRate: Number(RATE),
      generator: 'scripts/make-audio.mjs (espeak-ng -v id, sox)',
      clips: Object.fromEntries(ids.map((id) => [id, { file: `${id}.${EXT}`, durationMs: duration(join(outDir, `${id}.${EXT}`)) }])),
    };
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const bytes = readdirSync(outDir).reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
    console.log(`make-audio: ${ids.length} clips, ${(bytes / 1024).toFixed(0)} KiB in ${outDir}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
