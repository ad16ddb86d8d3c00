// What every web console test file shares: the materialized server product started in demo mode
// (the AWS simulator plays AWS) in a fresh copy, the demo keys read from its banner, headless
// Chromium, screenshots under target/screenshots/ for a person to look at, and the steps people
// take to sign in.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PRODUCT = required('STRATUS_SERVER_PRODUCT');
export const JAVA = path.join(required('JAVA_HOME'), 'bin', 'java');
const SCREENSHOTS = process.env.STRATUS_SCREENSHOTS || 'target/screenshots';
const CHROMIUM = process.env.STRATUS_CHROMIUM || '/usr/bin/chromium';
export const DEMO_SEED = '../../bundles/io.stratus.aws.simulator/seeds/demo.json';

/** The demo keys by name (ada, ben, cleo, dan), as the banner of the server started last printed them. */
export const keys = {};

export function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}; the Maven build does.`);
  return value;
}

export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh copy of the server product in demo mode and reads the demo keys from its banner.
 * `options(work)` gives more arguments (a seed of its own, database authorities), written under `work`.
 */
export async function startDemoServer(options = () => []) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-console-'));
  const home = path.join(work, 'stratus-server');
  fs.cpSync(PRODUCT, home, { recursive: true });
  const ini = fs.readFileSync(path.join(home, 'eclipse.ini'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const vmargs = ini.slice(ini.indexOf('-vmargs') + 1);
  const launcher = fs.readdirSync(path.join(home, 'plugins')).find((f) => f.startsWith('org.eclipse.equinox.launcher_'));
  const port = await freePort();
  const child = spawn(JAVA, [...vmargs, '-jar', path.join('plugins', launcher), '-consoleLog', ...options(work),
    '--port', String(port), '--data', path.join(work, 'data')], { cwd: home });
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      if (health.ready && output.includes('Demo keys')) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('the server ended:\n' + output);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const match of output.matchAll(/(\w+)\s+account (\d{12})\s+access key (\S+)\s+secret (\S+)/g)) {
    keys[match[1]] = { account: match[2], accessKeyId: match[3], secretAccessKey: match[4] };
  }
  assert.ok(keys.ada && keys.ben, 'the banner lists the demo keys:\n' + output);
  const device = output.match(/MFA device (\S+)\s+TOTP secret (\S+)/);
  assert.ok(device, 'the banner shows ada\'s MFA device:\n' + output);
  keys.ada.mfa = { serial: device[1], secret: device[2] };
  return {
    child, port, data: path.join(work, 'data'), output: () => output,
    baseUrl: `http://127.0.0.1:${port}/`,
    stop: () => child.kill('SIGTERM'),
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

/** A new browser context on the console, once it shows setup or sign-in. */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('main > section:not([hidden]) > h1').waitFor(); // setup or sign-in
  return page;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name + '.png'), fullPage: true });
}

/** Signs in the way a keyboard user does: type, Tab to the next field, Enter to submit. */
export async function signInWithKeyboard(page, who) {
  await page.keyboard.type(keys[who].accessKeyId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(keys[who].secretAccessKey);
  await page.keyboard.press('Enter');
}

/** Types the keys, opens "MFA code, or a role to assume" and fills what is given. */
export async function signInWithMethod(page, who, fields) {
  const form = page.locator('#sign-in-form');
  await form.getByLabel('Access key ID').fill(keys[who].accessKeyId);
  await form.getByLabel('Secret access key').fill(keys[who].secretAccessKey);
  if (!(await form.locator('details').evaluate((details) => details.open))) {
    await form.getByText('MFA code, or a role to assume').click();
  }
  for (const [label, value] of Object.entries(fields)) {
    await form.getByLabel(label, { exact: true }).fill(value);
  }
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** The code an authenticator app shows now for a base32 TOTP secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits). */
export function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32.replace(/=+$/, '')].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0xf;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * What a person does on the IAM Identity Center verification page of the link the panel shows, without a browser:
 * approves or denies the code as {@code person}.
 */
export async function decideUserCode(panel, code, decision, person = 'ada') {
  const link = new URL(await panel.locator('.sso-link').getAttribute('href'));
  const answer = await fetch(new URL('/device', link), {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `user_code=${code}&user=${person}&decision=${decision}`,
  });
  assert.equal(answer.status, 200);
}

/** Every file under a data directory that holds one of the texts. */
export function filesHolding(data, texts) {
  const found = [];
  for (const file of fs.readdirSync(data, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const where = path.join(file.parentPath ?? file.path, file.name);
    const content = fs.readFileSync(where).toString('latin1');
    if (texts.some((text) => content.includes(text))) found.push(where);
  }
  return found;
}
