#!/usr/bin/env node
// Drives the Agents Playground's web UI in Debian's headless Chromium (/usr/bin/chromium) with playwright-core,
// for Briefingbot's end-to-end tests. It never downloads a browser and lets the page reach loopback only.
//
// Protocol: one JSON command per line on stdin, one JSON answer per line on stdout ({ ok: true, ... } or
// { ok: false, error }). Commands:
//   { cmd: "open", url, conversation }            open the UI, select a conversation by its tree label
//   { cmd: "send", text, expect, timeoutMs }      type text + Enter; wait for a NEW card whose text contains expect
//   { cmd: "click", card, title, expect, timeoutMs } press the button titled `title` in card #card; wait for a card
//                                                  (the same one updated, or a new one) whose text contains expect
//   { cmd: "wait", expect, timeoutMs }            wait for a card the bot posted on its own (an alert) whose text contains expect
//   { cmd: "inspect", card }                      the card's rendered text and layout checks
//   { cmd: "screenshot", card, path }             screenshot of card #card (element) to path (PNG)
//   { cmd: "close" }
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.BRIEFINGBOT_CHROMIUM || '/usr/bin/chromium';
const CARD = '.ac-adaptiveCard';
let context;
let page;
let userDataDir;

function loopback(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'data:' || u.protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

async function cards() {
  return page.$$(CARD);
}

async function cardText(index) {
  const all = await cards();
  if (index < 0 || index >= all.length) throw new Error(`no card #${index} (there are ${all.length})`);
  return all[index].innerText();
}

// Waits until some card with index >= from has text containing `expect` (and differs from `previous` if given).
async function waitForCard(from, expect, timeoutMs, previous) {
  const handle = await page.waitForFunction(
    ({ selector, from, expect, previous }) => {
      const all = Array.from(document.querySelectorAll(selector));
      for (let i = all.length - 1; i >= from; i--) {
        const text = all[i].innerText || '';
        if (text.includes(expect) && (previous === null || text !== previous)) return { index: i }; // 0 is falsy: wrap it
      }
      return null;
    },
    { selector: CARD, from, expect, previous: previous ?? null },
    { timeout: timeoutMs, polling: 200 });
  const { index } = await handle.jsonValue();
  const all = await cards();
  await all[index].scrollIntoViewIfNeeded();
  return { card: index, text: await all[index].innerText() };
}

const commands = {
  async open({ url, conversation }) {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefingbot-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      // Tall enough that a long card (help, briefing) fits: element screenshots of cards taller than the viewport overlap the header.
      viewport: { width: 1280, height: 2600 },
      // The flags this machine kind needs: no sandbox as root, no GPU, and no background traffic to the internet.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    // The UI asks a CDN for fonts and an animation worklet; refuse at once rather than wait for a closed network.
    await context.route('**/*', route => (loopback(route.request().url()) ? route.continue() : route.abort()));
    page = context.pages()[0] || (await context.newPage());
    // The UI is one 9 MB script: on a busy 2-core machine parsing it takes a while.
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
    if (conversation) {
      try {
        await page.locator(`[role="treeitem"][aria-label="${conversation}"]`).click({ timeout: 60000 });
      } catch (e) {
        const labels = await page.$$eval('[role="treeitem"]', items => items.map(i => `${i.getAttribute('aria-label')} (expanded=${i.getAttribute('aria-expanded')})`));
        throw new Error(`${e.message}\nTree items: ${labels.join('; ')}`);
      }
    }
    // A channel shows two boxes (a new post, a reply in the thread); either means the conversation is open.
    await page.locator('[contenteditable="true"][role="textbox"]').first().waitFor({ timeout: 60000 });
    return { cards: (await cards()).length };
  },

  async send({ text, expect, timeoutMs = 45000 }) {
    const before = (await cards()).length;
    const box = page.locator('[contenteditable="true"][role="textbox"]');
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    return waitForCard(before, expect, timeoutMs);
  },

  async click({ card, title, expect, timeoutMs = 45000 }) {
    const all = await cards();
    if (card < 0 || card >= all.length) throw new Error(`no card #${card} (there are ${all.length})`);
    const previous = await all[card].innerText();
    const button = all[card].$(`button[title="${title.replace(/"/g, '\\"')}"]`);
    const element = await button;
    if (!element) throw new Error(`card #${card} has no button titled "${title}"`);
    await element.click();
    // Action.Execute replaces this card; Action.Submit makes the bot post a new one.
    return waitForCard(card, expect, timeoutMs, previous);
  },

  async wait({ expect, timeoutMs = 45000 }) {
    return waitForCard(0, expect, timeoutMs);
  },

  async inspect({ card }) {
    const all = await cards();
    if (card < 0 || card >= all.length) throw new Error(`no card #${card} (there are ${all.length})`);
    return all[card].evaluate(root => {
      const text = root.innerText || '';
      const blocks = Array.from(root.querySelectorAll('.ac-textBlock'));
      const emptyTextBlocks = blocks.filter(b => (b.innerText || '').trim() === '').length;
      const containers = Array.from(root.querySelectorAll('.ac-container')).filter(c => c !== root);
      const emptyContainers = containers.filter(c => (c.innerText || '').trim() === '' && !c.querySelector('img')).length;
      const buttons = Array.from(root.querySelectorAll('button')).map(b => b.getAttribute('title') || (b.innerText || '').trim());
      const strong = Array.from(root.querySelectorAll('strong, b')).map(s => s.innerText);
      const rect = root.getBoundingClientRect();
      return { text, textBlocks: blocks.length, emptyTextBlocks, emptyContainers, buttons, strong, width: rect.width, height: rect.height };
    });
  },

  async screenshot({ card, path: file }) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const all = await cards();
    if (card < 0 || card >= all.length) throw new Error(`no card #${card} (there are ${all.length})`);
    await all[card].scrollIntoViewIfNeeded();
    await all[card].screenshot({ path: file });
    return { path: file, bytes: fs.statSync(file).size };
  },

  async close() {
    if (context) await context.close();
    context = undefined;
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    return {};
  },
};

const rl = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
rl.on('line', line => {
  queue = queue.then(async () => {
    let answer;
    try {
      const command = JSON.parse(line);
      const handler = commands[command.cmd];
      if (!handler) throw new Error(`unknown command ${command.cmd}`);
      answer = { ok: true, ...(await handler(command)) };
    } catch (e) {
      answer = { ok: false, error: String((e && e.stack) || e) };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
});
rl.on('close', () => {
  queue.then(() => commands.close()).finally(() => process.exit(0));
});
