// The web console in a real browser: Debian's Chromium, driven by playwright-core, against the
// materialized server product in demo mode (the AWS simulator plays AWS). Each test saves a
// screenshot under target/screenshots/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const PRODUCT = required('STRATUS_SERVER_PRODUCT');
const JAVA = path.join(required('JAVA_HOME'), 'bin', 'java');
const SCREENSHOTS = process.env.STRATUS_SCREENSHOTS || 'target/screenshots';
const CHROMIUM = process.env.STRATUS_CHROMIUM || '/usr/bin/chromium';

let server;
let browser;
let baseUrl;
const keys = {};

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}; the Maven build does.`);
  return value;
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a fresh copy of the server product with --demo and reads the demo keys from its banner. */
async function startDemoServer() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-console-'));
  const home = path.join(work, 'stratus-server');
  fs.cpSync(PRODUCT, home, { recursive: true });
  const ini = fs.readFileSync(path.join(home, 'eclipse.ini'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const vmargs = ini.slice(ini.indexOf('-vmargs') + 1);
  const launcher = fs.readdirSync(path.join(home, 'plugins')).find((f) => f.startsWith('org.eclipse.equinox.launcher_'));
  const port = await freePort();
  const child = spawn(JAVA, [...vmargs, '-jar', path.join('plugins', launcher), '-consoleLog', '--demo',
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
  return { child, port, output: () => output };
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name + '.png'), fullPage: true });
}

/** Signs in the way a keyboard user does: type, Tab to the next field, Enter to submit. */
async function signInWithKeyboard(page, who) {
  await page.keyboard.type(keys[who].accessKeyId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(keys[who].secretAccessKey);
  await page.keyboard.press('Enter');
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.locator('main > section:not([hidden]) > h1').waitFor(); // setup or sign-in
  return page;
}

before(async () => {
  server = await startDemoServer();
  baseUrl = `http://127.0.0.1:${server.port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
});

test('the first person sets the instance up and sees the databases with each service status', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Set up this Stratus instance' }).waitFor();
  await screenshot(page, '01-setup');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'accessKeyId', 'the first field has the focus');
  await signInWithKeyboard(page, 'ada');

  await page.locator('[data-service=RDS] [data-region=eu-west-1]').getByText('orders', { exact: true }).waitFor();
  assert.match(await page.locator('#who').textContent(), /user\/platform\/ada/);
  assert.equal(await page.locator('[data-service=RDS] [data-region=eu-west-1] .status').textContent(), 'ok');
  assert.ok(await page.locator('[data-service=DYNAMODB]').getByText('sessions', { exact: true }).isVisible());
  await screenshot(page, '02-explorer');

  const stored = await page.evaluate(() => ({
    local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: '' }, 'nothing in browser storage, the cookie is HttpOnly');
  assert.equal(await page.locator('input[name=secretAccessKey]').first().inputValue(), '', 'the secret is cleared from the form');
});

test('a person IAM denies RDS sees a named "no permission" and the other services', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithKeyboard(page, 'ben');
  const rds = page.locator('[data-service=RDS] [data-region=eu-west-1]');
  await rds.locator('.status').getByText('no permission').waitFor();
  assert.match(await rds.textContent(), /rds:DescribeDBInstances/);
  await page.locator('[data-service=REDSHIFT]').getByText('warehouse', { exact: true }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Users', exact: true }).isHidden(), 'no administration for a User');
  await screenshot(page, '03-no-permission');
});

test('another account is refused with a message that says why', async () => {
  const page = await newPage();
  await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).waitFor();
  await signInWithKeyboard(page, 'dan');
  const alert = page.locator('#sign-in-form [role=alert]');
  await alert.getByText('another AWS account').waitFor();
  await screenshot(page, '04-other-account');
});

test('the administrator grants a role and creates a custom role', async () => {
  const page = await newPage();
  await signInWithKeyboard(page, 'ada');
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  const ben = page.locator('tr[data-user$="user/ben"]');
  await ben.waitFor();
  await ben.getByLabel('Viewer').check();
  await ben.getByLabel('User').uncheck();
  await ben.getByRole('button', { name: 'Save roles' }).click();
  await ben.getByText('Saved.').waitFor();
  await screenshot(page, '05-users');

  await page.getByRole('button', { name: 'Roles', exact: true }).click();
  const form = page.locator('#role-form');
  await form.getByLabel('Id', { exact: true }).fill('auditor');
  await form.getByLabel('Name', { exact: true }).fill('Auditor');
  await form.getByLabel('read-audit').check();
  await form.getByRole('button', { name: 'Create role' }).click();
  await page.getByRole('cell', { name: 'Auditor', exact: true }).waitFor();
  await screenshot(page, '06-roles');
});

test('an ended session says so and offers to sign in again', async () => {
  const page = await newPage();
  await signInWithKeyboard(page, 'ada');
  await page.locator('[data-service=RDS]').waitFor();
  await page.context().clearCookies(); // as when the session expires on the server
  await page.getByRole('button', { name: 'Refresh all' }).click();
  await page.locator('#notice').getByText('Your session has ended').waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Sign in with your AWS keys' }).isVisible());
  await screenshot(page, '07-session-ended');
});
