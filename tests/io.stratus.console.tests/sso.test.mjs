// Signing in through IAM Identity Center in the web console, in Chromium, against the server product
// in demo mode: the AWS simulator plays SSO OIDC, the access portal and its verification page, where
// the test approves or denies the code as a person would. Screenshots go to target/screenshots/sso-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_SEED, decideUserCode, filesHolding, launchBrowser, newPage as pageOn, screenshot, startDemoServer,
} from './console-fixture.mjs';

/** Short enough for a test to outwait, long enough for the others to approve in time. */
const CODE_SECONDS = 12;
const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';

let server;
let browser;
let portal;

/** The demo account with device codes that expire within the test's patience. */
function demoWithShortCodes(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  seed.identityCenter.deviceCodeSeconds = CODE_SECONDS;
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return ['--demo-seed', file];
}

before(async () => {
  server = await startDemoServer(demoWithShortCodes);
  const banner = server.output().match(/IAM Identity Center \(SSO\): start URL (\S+), region ([\w-]+)/);
  assert.ok(banner, 'the banner shows the demo portal:\n' + server.output());
  portal = { startUrl: banner[1], region: banner[2] };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const newPage = () => pageOn(browser, server.baseUrl);

/** Starts in the visible view's IAM Identity Center panel (the portal is filled in) and returns the code shown. */
async function start(page) {
  const panel = page.locator('main > section:not([hidden]) .sso');
  await panel.getByLabel('AWS access portal start URL').waitFor();
  await assertValue(panel.getByLabel('AWS access portal start URL'), portal.startUrl);
  await assertValue(panel.getByLabel('IAM Identity Center region'), portal.region);
  await panel.getByRole('button', { name: 'Continue' }).click();
  const code = await panel.locator('.sso-code').textContent();
  assert.match(code, /^[A-Z]{4}-[A-Z]{4}$/);
  return { panel, code };
}

async function assertValue(input, expected) {
  for (let i = 0; i < 50 && (await input.inputValue()) !== expected; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(await input.inputValue(), expected);
}

test('setting up through IAM Identity Center: the code, the approval page in a new tab, the roles of every account, signed in', async () => {
  const page = await newPage();
  assert.ok(await page.locator('#setup-view').isVisible());
  const { panel, code } = await start(page);
  const link = panel.locator('.sso-link');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.ok((await link.getAttribute('href')).endsWith('?user_code=' + code));
  await screenshot(page, 'sso-code');

  const [approval] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await approval.locator('#user-code').waitFor();
  assert.equal(await approval.locator('#user-code').textContent(), code);
  await approval.locator('#user').selectOption('ada');
  await screenshot(approval, 'sso-verification-page');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await approval.locator('#outcome', { hasText: 'Request approved' }).waitFor();
  await approval.close();

  const roles = panel.locator('.sso-roles');
  await roles.waitFor();
  const offered = await roles.locator('option').allTextContents();
  assert.deepEqual(offered, [`DatabaseAdmin · stratus-demo (${ACCOUNT})`, `DatabaseReader · stratus-demo (${ACCOUNT})`,
    `DatabaseAdmin · ${OTHER_ACCOUNT} (${OTHER_ACCOUNT})`], 'not bound yet: every account');
  await screenshot(page, 'sso-choose-role');
  await roles.selectOption({ label: `DatabaseAdmin · stratus-demo (${ACCOUNT})` });
  await panel.getByRole('button', { name: 'Set up and sign in' }).click();
  await page.locator('#app-view').waitFor();
  assert.match(await page.locator('#who').textContent(), /assumed-role\/AWSReservedSSO_DatabaseAdmin_[0-9a-f]{16}\/ada/);
  assert.match(await page.locator('#expiry').textContent(), /temporary AWS keys until/);
  await screenshot(page, 'sso-signed-in');
});

test('signing in on the bound instance offers only its account\'s roles', async () => {
  const page = await newPage();
  const { panel, code } = await start(page);
  await decideUserCode(panel, code, 'approve');
  const roles = panel.locator('.sso-roles');
  await roles.waitFor();
  assert.deepEqual(await roles.locator('option').allTextContents(), [`DatabaseAdmin · stratus-demo (${ACCOUNT})`,
    `DatabaseReader · stratus-demo (${ACCOUNT})`]);
  await roles.selectOption({ label: `DatabaseReader · stratus-demo (${ACCOUNT})` });
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#app-view').waitFor();
  assert.match(await page.locator('#who').textContent(), /AWSReservedSSO_DatabaseReader_/);
});

test('a denied request says so and offers to start again', async () => {
  const page = await newPage();
  const { panel, code } = await start(page);
  await decideUserCode(panel, code, 'deny');
  await panel.locator('.error', { hasText: 'denied' }).waitFor();
  assert.ok(await panel.getByRole('button', { name: 'Continue' }).isVisible());
  await screenshot(page, 'sso-denied');
});

test('an expired device code says so', async () => {
  const page = await newPage();
  const { panel } = await start(page);
  await panel.locator('.error', { hasText: 'expired' }).waitFor({ timeout: (CODE_SECONDS + 10) * 1000 });
  assert.match(await panel.locator('.error').textContent(), /expired before it was approved/);
  await screenshot(page, 'sso-expired');
});

test('cancel ends the sign-in and shows the start again', async () => {
  const page = await newPage();
  const { panel } = await start(page);
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await panel.getByRole('button', { name: 'Continue' }).waitFor();
  const poll = await page.evaluate(async () => (await fetch('/api/sso')).status);
  assert.equal(poll, 404, 'the browser holds no sign-in any more');
});

test('canary: no token, client secret, device code or role key reaches the server\'s files or log', async () => {
  server.stop();
  await new Promise((resolve) => server.child.once('exit', resolve));
  const answers = ['accessToken', 'clientSecret', 'deviceCode', 'secretAccessKey', 'sessionToken":', 'sso_bearer_token'];
  assert.deepEqual(filesHolding(server.data, answers), []);
  for (const field of answers) {
    assert.ok(!server.output().includes(field), `the server's log mentions ${field}`);
  }
});
