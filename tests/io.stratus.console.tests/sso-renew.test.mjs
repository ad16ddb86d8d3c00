// Re-authenticating a session of IAM Identity Center in the web console, in Chromium, against the server product in
// demo mode: the role's keys expire under open work, the re-authentication dialog offers the Identity Center
// approval (not keys), somebody else's approval is refused, and the person's own approval puts the role's new keys
// into the same session while the page stays. Screenshots go to target/screenshots/sso-renew-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_SEED, decideUserCode, filesHolding, launchBrowser, newPage, screenshot, signInWithKeyboard, startDemoServer,
} from './console-fixture.mjs';

/** How long the role credentials of DatabaseReader last here: a simulator setting (Identity Center's last an hour). */
const KEYS_LAST_SECONDS = 30;
const ACCOUNT = '111122223333';

let server;
let browser;

/** The demo account whose DatabaseReader keys expire while the test waits. */
function demoWithBriefReaderKeys(work) {
  const seed = JSON.parse(fs.readFileSync(DEMO_SEED, 'utf8'));
  seed.identityCenter.permissionSets.find((set) => set.name === 'DatabaseReader').keysLastSeconds = KEYS_LAST_SECONDS;
  const file = path.join(work, 'seed.json');
  fs.writeFileSync(file, JSON.stringify(seed));
  return ['--demo-seed', file];
}

before(async () => {
  server = await startDemoServer(demoWithBriefReaderKeys);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** Starts an Identity Center sign-in or renewal in {@code panel} and returns the code it shows. */
async function codeShown(panel, button) {
  await panel.getByRole('button', { name: button }).click();
  const code = await panel.locator('.sso-code').textContent();
  assert.match(code, /^[A-Z]{4}-[A-Z]{4}$/);
  return code;
}

test('expired keys of an Identity Center role are renewed in place through a new approval; somebody else\'s is refused', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.getByRole('heading', { name: 'Set up this Stratus instance' }).waitFor();
  await signInWithKeyboard(page, 'ada');
  await page.locator('[data-service=RDS]').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();

  const signIn = page.locator('#sign-in-view .sso');
  await signIn.getByLabel('AWS access portal start URL').waitFor();
  await decideUserCode(signIn, await codeShown(signIn, 'Continue'), 'approve', 'ada');
  const roles = signIn.locator('.sso-roles');
  await roles.waitFor();
  await roles.selectOption({ label: `DatabaseReader · stratus-demo (${ACCOUNT})` });
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-service=DYNAMODB]').waitFor();
  const who = await page.locator('#who').textContent();
  assert.match(who, /AWSReservedSSO_DatabaseReader_[0-9a-f]{16}\/ada/);
  const cookieBefore = (await page.context().cookies()).find((c) => c.name === 'stratus_session').value;

  const dialog = page.locator('#reauth-dialog');
  await dialog.waitFor({ timeout: (KEYS_LAST_SECONDS + 30) * 1000 });
  assert.ok(await page.locator('#reauth-form').isHidden(), 'no keys to type for a session of Identity Center');
  const renewal = page.locator('#reauth-sso');
  assert.match(await renewal.textContent(), /role DatabaseReader of account 111122223333/);
  assert.match(await page.locator('#reauth-who').textContent(), /AWSReservedSSO_DatabaseReader_[0-9a-f]{16}\/ada/);
  await screenshot(page, 'sso-renew-dialog');

  await decideUserCode(renewal, await codeShown(renewal, 'Approve in IAM Identity Center'), 'approve', 'ben');
  await renewal.locator('.error', { hasText: 'open work' }).waitFor();
  assert.match(await renewal.locator('.error').textContent(), /approved as .*\/ben, not as .*\/ada/);
  await screenshot(page, 'sso-renew-somebody-else');

  await decideUserCode(renewal, await codeShown(renewal, 'Approve in IAM Identity Center'), 'approve', 'ada');
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('#notice', { hasText: 'New AWS keys are in your session' }).waitFor();
  assert.match(await page.locator('#expiry').textContent(), /temporary AWS keys until/);
  assert.equal(await page.locator('#who').textContent(), who);
  const cookieAfter = (await page.context().cookies()).find((c) => c.name === 'stratus_session').value;
  assert.equal(cookieAfter, cookieBefore, 'the same session');
  assert.ok(await page.locator('[data-service=DYNAMODB]').isVisible(), 'the explorer stays');
  await screenshot(page, 'sso-renew-renewed');
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
