// The screenshots of docs/configuration.md: WildFly 39's web console driven by headless Chromium
// (Debian's chromium; playwright-core from npm, found through NODE_PATH; neither is part of the build).
// Against a server set up
// with docs/wildfly/amira-secret.cli and amira.cli, amira.rar and one application deployed:
//   AMIRA_CONSOLE=http://127.0.0.1:9990 AMIRA_CONSOLE_USER=admin AMIRA_CONSOLE_PASSWORD=... \
//     node console-screenshots.js configure   # adds the typo ActionTimeout=5000 in the console; then reload
//     node console-screenshots.js failed      # remove the typo, reload, borrow a few connections
//     node console-screenshots.js runtime     # then point Port at Asterisk's TLS port (amira.cli)
//     node console-screenshots.js health
const { chromium } = require('playwright-core');
const phase = process.argv[2];
const OUT = __dirname + '/';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 },
    httpCredentials: { username: process.env.AMIRA_CONSOLE_USER, password: process.env.AMIRA_CONSOLE_PASSWORD } });
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  const base = (process.env.AMIRA_CONSOLE || 'http://127.0.0.1:9990') + '/console/index.html';
  const shot = async (name) => { await page.mouse.move(1390, 850); await page.waitForTimeout(2500); await page.screenshot({ path: OUT + name + '.png' }); console.log('shot', name); };
  const link = (text) => page.locator('a:visible', { hasText: text }).first();
  const raView = async () => {
    await page.goto(base + '#configuration;path=configuration~subsystems!css~resource-adapters', { waitUntil: 'networkidle' });
    await page.waitForSelector('li#resource-adapters');
    await page.waitForTimeout(2000);
    await page.click('li#resource-adapters');
    await page.waitForSelector('li#ra-amirarar');
    await page.click('li#ra-amirarar');
  };
  if (phase === 'configure') {
    await raView();
    await shot('console-01-resource-adapters');
    await page.click('li#ra-amirarar >> text=View');
    await page.waitForTimeout(6000);
    await shot('console-02-adapter-properties');
    await link('Help').click();
    await page.waitForTimeout(1500);
    await shot('console-03-help-has-no-amira-descriptions');
    await link('Help').click();
    await link(/^\s*Edit\s*$/).click();
    await page.waitForTimeout(2000);
    const editor = page.locator('#resource-adapter-configuration-attributes-form-config-properties-editing');
    await editor.click();
    await page.waitForTimeout(500);
    await editor.type('ActionTimeout=5000', { delay: 50 });
    await page.keyboard.press('Enter');
    await shot('console-04-property-editor-takes-a-typo');
    await page.locator('button:visible', { hasText: 'Save' }).first().click();
    await page.waitForTimeout(4000);
    await shot('console-05-saved-no-reload-asked');
    await page.click('#resource-adapter-connection-definition-item');
    await page.waitForTimeout(3000);
    await page.locator('td:visible', { hasText: 'amira' }).first().click();
    await page.waitForTimeout(2000);
    await link('Security').click();
    await shot('console-06-pool-signs-on-with-authentication-context');
  } else if (phase === 'failed') {
    await page.goto(base + '#deployments', { waitUntil: 'networkidle' });
    await page.waitForTimeout(4000);
    await page.locator('li[id*=amira]').first().click().catch(e => console.log('no amira item', e.message));
    await page.waitForTimeout(3000);
    await shot('console-07-adapter-failed');
    await page.goto(base + '#runtime', { waitUntil: 'networkidle' });
    await page.waitForSelector('#standalone-host-localhost');
    await page.click('#standalone-host-localhost');
    await page.waitForTimeout(4000);
    await shot('console-08-server-status');
    await page.locator('#standalone-host-localhost >> text=Boot Errors').click();
    await page.waitForTimeout(6000);
    await page.locator('td:visible', { hasText: '/deployment=amira.rar' }).first().click();
    await shot('console-09-boot-errors');
  } else if (phase === 'runtime') {
    await page.goto(base + '#runtime', { waitUntil: 'networkidle' });
    await page.waitForSelector('#standalone-host-localhost');
    await page.click('#standalone-host-localhost');
    await page.waitForTimeout(3000);
    await page.click('li#resource-adapters');
    await page.waitForSelector('li#rar-amirarar');
    await page.click('li#rar-amirarar');
    await page.waitForSelector('li#rar-amirarar-amira');
    await page.click('li#rar-amirarar-amira');
    await shot('console-10-pool-statistics');
    await page.goto(base + '#configuration;path=configuration~subsystems!css~elytron', { waitUntil: 'networkidle' });
    await page.waitForSelector('li#other-settings');
    await page.click('li#other-settings');
    await page.locator('li#other-settings >> text=View').click();
    await page.waitForTimeout(6000);
    await page.locator('td:visible', { hasText: 'amira' }).first().click();
    await page.waitForTimeout(2000);
    await link('Credential Reference').click();
    await shot('console-12-credential-store');
  } else if (phase === 'health') {
    await page.goto(base + '#runtime', { waitUntil: 'networkidle' });
    await page.waitForSelector('#standalone-host-localhost');
    await page.click('#standalone-host-localhost');
    await page.waitForTimeout(3000);
    await page.click('li#microprofile-health-smallrye');
    await page.waitForTimeout(5000);
    await page.mouse.move(900, 500);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: OUT + 'console-11-readiness-names-the-cause.png' });
    console.log('shot console-11-readiness-names-the-cause');
  }
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
