#!/usr/bin/env node
/**
 * Screenshots of every screen, for a person to look at: headless Debian Chromium against a running
 * `npm start` (BASE, default http://localhost:3000), as the role that uses each screen, on a desktop and
 * at 375 px. Saved under admin/screenshots/ (git-ignored). Usage: node scripts/screenshots.mjs [filter]
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = process.env.BASE ?? 'http://localhost:3000';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');
const only = process.argv[2];
mkdirSync(OUT, { recursive: true });

async function signIn(username) {
  const r = await fetch(`${BASE}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!r.ok) throw new Error(`sign-in ${username}: ${r.status}`);
  return r.json();
}

async function firstId(token, path) {
  const r = await fetch(`${BASE}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await r.json();
  return body.items?.[0]?.id;
}

const shots = [
  { name: 'signin', user: null, path: '/signin' },
  { name: 'home-supervisor', user: 'supervisor', path: '/' },
  { name: 'home-officer', user: 'officer', path: '/' },
  { name: 'home-reviewer', user: 'reviewer1', path: '/' },
  { name: 'home-leader', user: 'leader', path: '/' },
  { name: 'findings', user: 'inspector', path: '/findings' },
  { name: 'finding-new', user: 'inspector', path: '/findings/new' },
  { name: 'finding', user: 'inspector', path: '/findings/:id', list: '/findings?limit=1' },
  { name: 'petitions', user: 'supervisor', path: '/petitions' },
  { name: 'petition', user: 'supervisor', path: '/petitions/:id', list: '/petitions?limit=1' },
  { name: 'opinion-triage', user: 'supervisor', path: '/opinion' },
  { name: 'opinion-list', user: 'supervisor', path: '/opinion?tab=list' },
  { name: 'rectifications-officer', user: 'officer', path: '/rectifications' },
  { name: 'rectifications-review', user: 'reviewer1', path: '/rectifications' },
  {
    name: 'rectification',
    user: 'officer',
    path: '/rectifications/:id',
    list: '/rectifications?limit=1&state=in_progress',
  },
  { name: 'rankings', user: 'supervisor', path: '/rankings' },
  { name: 'rankings-officer', user: 'officer', path: '/rankings' },
  { name: 'ranking-history', user: 'supervisor', path: '/rankings/units/dongshan-t01' },
  { name: 'cases', user: 'inspector', path: '/cases' },
  { name: 'case', user: 'inspector', path: '/cases/:id', list: '/cases?limit=1' },
  { name: 'alerts', user: 'supervisor', path: '/alerts' },
  { name: 'bulletins', user: 'supervisor', path: '/bulletins' },
  { name: 'bulletin-print', user: 'supervisor', path: '/bulletins/print' },
  { name: 'admin-units', user: 'admin', path: '/admin/units?unit=dongshan' },
  { name: 'admin-users', user: 'admin', path: '/admin/users' },
  { name: 'admin-schemes', user: 'admin', path: '/admin/schemes' },
  { name: 'home-en', user: 'supervisor', path: '/', lang: 'en' },
  {
    name: 'rectification-en',
    user: 'officer',
    path: '/rectifications/:id',
    list: '/rectifications?limit=1&state=in_progress',
    lang: 'en',
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const sessions = new Map();
try {
  for (const s of shots) {
    if (only && !s.name.includes(only)) continue;
    let session = null;
    if (s.user) {
      session = sessions.get(s.user) ?? (await signIn(s.user));
      sessions.set(s.user, session);
    }
    let path = s.path;
    if (path.includes(':id')) {
      const id = await firstId(session.token, s.list);
      if (!id) {
        console.log(`skip ${s.name}: no record`);
        continue;
      }
      path = path.replace(':id', id);
    }
    for (const [vp, size] of [
      ['desktop', { width: 1280, height: 860 }],
      ['phone', { width: 375, height: 812 }],
    ]) {
      const ctx = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await ctx.addInitScript(
        ([sess, lang]) => {
          if (sess) localStorage.setItem('jiandu.session', JSON.stringify(sess));
          if (lang) localStorage.setItem('jiandu.lang', lang);
        },
        [session, s.lang ?? null],
      );
      const page = await ctx.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(600);
      const file = join(OUT, `${s.name}-${vp}.png`);
      await page.screenshot({ path: file, fullPage: vp === 'desktop' && s.name.includes('print') });
      console.log(`${file}${errors.length ? `  errors: ${errors.slice(0, 3).join(' | ')}` : ''}`);
      await ctx.close();
    }
  }
} finally {
  await browser.close();
}
