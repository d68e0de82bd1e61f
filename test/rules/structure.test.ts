/**
 * The structure rules of GUIDELINES section B, across all rules: model
 * macros that follow every guideline fire nothing; every quick fix lands
 * where a reader expects it, in the file's line endings and the platform's
 * placeholders, and never starts a finding of another rule; tags and channels
 * switch the rules as documented.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPlaceholder, formatWithFallback, platformIds, platforms, type ConfigFile, type Finding } from 'tactful-server';
import { findingsOf, fixOnly, fixturesDir, listDir, lintLines } from '../helpers.js';

const STRUCTURE = [
  'greeting', 'thank-customer', 'gracious-no', 'empathy', 'empathy-first',
  'follow-up-timeline', 'invite-reply', 'confirm-understanding', 'sign-off', 'feedback-response',
];

const macro = (front: Record<string, string>, body: string) =>
  `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;

const serious = (findings: Finding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const ids = (text: string, layer?: ConfigFile) => findingsOf(text, layer).map((f) => f.ruleId);
const firesOn = (id: string, text: string, layer?: ConfigFile) => ids(text, layer).includes(id);

/** Macros written the way GUIDELINES asks: nothing may fire on them at warning or error, and no structure rule at all. */
const MODELS: Record<string, string> = {
  'complaint and refund, Zendesk': macro(
    { title: 'Damaged blender', tags: '[complaint, refund]', channel: 'email', platform: 'zendesk' },
    `Hi {% if ticket.requester.first_name %}{{ticket.requester.first_name}}{% else %}there{% endif %},

Thank you for the photos, and I'm sorry the blender jug arrived cracked. I can see why that was a letdown after waiting a week.

I've refunded the $35 for the jug to your card today, and a replacement ships tomorrow at no charge. You don't need to send the broken one back.

If the refund hasn't appeared by Friday, reply to this email and I'll chase it with our payments team.

Best,
{{current_user.first_name}}
`,
  ),
  'refusal, Help Scout': macro(
    { title: 'Cancellation after shipping', tags: '[refusal, orders]', channel: 'email', platform: 'helpscout' },
    `Hi {%customer.firstName,fallback=there%},

Thanks for getting in touch about your order. I'm sorry, but I can't cancel it, because it has already shipped. What I can do instead is email you a prepaid return label, and your refund goes out the day the parcel reaches us.

Would you like me to send the label? Reply to this email and I'll take care of it.

Kind regards,
{%user.firstName%}
`,
  ),
  'investigation, Freshdesk': macro(
    { title: 'Missing points', tags: '[investigation]', channel: 'email', platform: 'freshdesk' },
    `Hi {{ticket.requester.firstname}},

Thanks for writing in. To make sure I understand: the points from your March order never reached your account, is that right?

I've asked our loyalty team to check the order, and I'll get back to you within two business days with what they find.

If you have the receipt, reply to this email with a photo of it.

Best,
{{ticket.agent.name}}
`,
  ),
  'chat troubleshooting complaint, Intercom': macro(
    { title: 'Chat - login loop', tags: '[troubleshooting, complaint]', channel: 'chat', platform: 'intercom' },
    `Hi {{first_name | fallback: "there"}}, thanks for the details, and I'm sorry you keep getting signed out. It sounds like this only happens in the app, not on the website. Could you update the app and let me know if it still happens?
`,
  ),
  'social review, Front': macro(
    { title: 'Social - slow setup review', tags: '[review, feedback]', channel: 'social', platform: 'front' },
    `Hi {{recipient.first_name}}, thank you for the honest review, and I'm sorry setup took so long. I've shared your notes with our onboarding team so we can make it quicker. Could you message us your account email so I can help you finish today?
`,
  ),
  'incident and delay, generic': macro(
    { title: 'Outage resolved', tags: '[incident, delay]', channel: 'email' },
    `Hi {{customer.first_name | default: "there"}},

Thanks for bearing with us this morning. I'm sorry the app was unavailable for two hours — I know that disrupted your bookings.

A faulty update caused the outage, and we rolled it back at 11:20 am. Everything has worked normally since then, and we've added a check so a fault like this is caught before it reaches you.

If any booking from this morning looks wrong, reply with its number and I'll fix it today.

Best,
{{agent.first_name}}
`,
  ),
  'untagged, no channel, CRLF': macro(
    { title: 'Order shipped', tags: '[orders]' },
    `Hi {{customer.first_name | default: "there"}},

Thanks for your order! It left our warehouse today, and the courier expects to deliver it on Thursday. Your tracking link is in the confirmation email.

If anything looks off, reply to this email and I'll help.

Cheers,
{{agent.first_name}}
`,
  ).replace(/\n/g, '\r\n'),
};

describe('structure rules (GUIDELINES B)', () => {
  describe('model macros fire nothing', () => {
    for (const [name, text] of Object.entries(MODELS)) {
      it(name, () => {
        const findings = findingsOf(text);
        assert.deepEqual(serious(findings).map((f) => `${f.ruleId}: ${f.message}`), []);
        assert.deepEqual(lintLines(text, STRUCTURE), []);
      });
    }

    it('the gracious no of seed 003 fires no rule at all', () => {
      const text = "I'm sorry, but I can't cancel it, because it has shipped. What I can do instead is …\n";
      assert.deepEqual(lintLines(text), []);
      const inMacro = macro({ title: 'Cancel', tags: '[refusal]' }, `Hi {{customer.first_name | default: "there"}},\n\nThanks for asking. ${text}\nBest,\n{{agent.first_name}}\n`);
      assert.deepEqual(lintLines(inMacro, ['gracious-no']), []);
    });
  });

  describe('quick fixes never start a finding of another rule', () => {
    /** Findings per rule: a fix may move another rule's finding, never add one. */
    const counts = (findings: Finding[]) => {
      const map = new Map<string, number>();
      for (const f of findings) map.set(f.ruleId, (map.get(f.ruleId) ?? 0) + 1);
      return map;
    };
    for (const id of STRUCTURE) {
      const folder = join(fixturesDir, 'rules', id);
      const configPath = join(folder, '.tactful.json');
      const layer = listDir(folder).includes('.tactful.json') ? (JSON.parse(readFileSync(configPath, 'utf8')) as ConfigFile) : undefined;
      for (const file of listDir(folder).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))) {
        it(`${id}/${file}`, () => {
          const text = readFileSync(join(folder, file), 'utf8');
          const fixed = fixOnly(text, [id], layer);
          const before = counts(findingsOf(text, layer));
          const after = findingsOf(fixed, layer).filter((f) => f.ruleId !== id);
          const added = [...counts(after)].filter(([rule, n]) => n > (before.get(rule) ?? 0)).map(([rule]) => rule);
          assert.deepEqual(added, [], lintLines(fixed, added, layer).join('\n'));
        });
      }
    }

    it('fixing every structure rule at once converges on a macro that lacks everything', () => {
      const bare = macro({ title: 'Broken kettle', tags: '[complaint, investigation, review]', channel: 'email' }, 'We can not repair kettles. We will look into it.\n');
      const fixed = fixOnly(bare, STRUCTURE);
      assert.deepEqual(lintLines(fixed, STRUCTURE), []);
      assert.deepEqual(serious(findingsOf(fixed)).filter((f) => !STRUCTURE.includes(f.ruleId)).map((f) => f.ruleId), []);
      // A greeting first, the thank-you, acknowledgement and restatement before the message, the invitation and sign-off last.
      const order = ['Hi {{customer.first_name | default: "there"}},', 'Thank you', 'I understand how frustrating', 'To make sure I understand', 'We can not repair', 'If anything is still unclear', 'Best,\n{{agent.first_name}}'];
      const positions = order.map((part) => fixed.indexOf(part));
      assert.ok(positions.every((p) => p >= 0), fixed);
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, fixed);
    });
  });

  describe('tags switch the conditional rules', () => {
    const body = `Hi {{customer.first_name | default: "there"}},

Thanks for your message. Please restart the router and wait two minutes.

If the light stays red, reply to this email.

Best,
{{agent.first_name}}
`;
    const cases: [string, string][] = [
      ['empathy', 'complaint'], ['empathy', 'incident'], ['empathy', 'refund'], ['empathy', 'delay'],
      ['confirm-understanding', 'investigation'], ['confirm-understanding', 'troubleshooting'],
      ['feedback-response', 'review'], ['feedback-response', 'feedback'], ['gracious-no', 'refusal'],
    ];
    for (const [id, tag] of cases) {
      it(`${id} fires with tag ${tag} and not without`, () => {
        assert.ok(firesOn(id, macro({ title: 'Router', tags: `[${tag}]` }, body)));
        assert.ok(!firesOn(id, macro({ title: 'Router', tags: '[account]' }, body)));
      });
    }

    it('the tags option names other tags', () => {
      const text = macro({ title: 'Router', tags: '[outage]' }, body);
      assert.ok(!firesOn('empathy', text));
      assert.ok(firesOn('empathy', text, { rules: { empathy: { tags: ['outage'] } } }));
      assert.ok(firesOn('confirm-understanding', text, { rules: { 'confirm-understanding': { tags: ['outage'] } } }));
    });

    it('empathy-first moves an apology that follows the instruction, but only in tagged macros', () => {
      const late = body.replace('wait two minutes.', 'wait two minutes. I’m sorry the connection keeps dropping.');
      assert.ok(firesOn('empathy-first', macro({ title: 'Router', tags: '[complaint]' }, late)));
      assert.ok(!firesOn('empathy-first', macro({ title: 'Router', tags: '[account]' }, late)));
      const fixed = fixOnly(macro({ title: 'Router', tags: '[complaint]' }, late), ['empathy-first']);
      assert.match(fixed, /Thanks for your message\. I’m sorry the connection keeps dropping\. Please restart the router and wait two minutes\.\n/);
    });

    it('feedback-response asks for the thank-you itself only when thank-customer is off', () => {
      const text = macro({ title: 'Survey', tags: '[feedback]' }, `Hi {{customer.first_name | default: "there"}},\n\nI've shared your survey answers with our delivery team.\n\nIf you'd like to add anything, reply to this email.\n\nBest,\n{{agent.first_name}}\n`);
      assert.deepEqual(ids(text).filter((id) => id === 'feedback-response' || id === 'thank-customer'), ['thank-customer']);
      const layer = { rules: { 'thank-customer': 'off' as const } };
      assert.deepEqual(ids(text, layer).filter((id) => id === 'feedback-response'), ['feedback-response']);
      assert.match(fixOnly(text, ['feedback-response'], layer), /Hi .*,\n\nThank you for taking the time to share your feedback\. I've shared/);
    });
  });

  describe('channels change what a greeting and a sign-off look like', () => {
    const body = 'Your voucher code is SPRING10 and works until May.\n';
    const text = (channel?: string) => macro({ title: 'Voucher', ...(channel ? { channel } : {}) }, body);

    it('only e-mail (also by default) needs a sign-off', () => {
      assert.ok(firesOn('sign-off', text('email')));
      assert.ok(firesOn('sign-off', text()));
      for (const channel of ['chat', 'social', 'phone']) assert.ok(!firesOn('sign-off', text(channel)), channel);
    });

    it('phone scripts need no greeting or invitation', () => {
      const found = ids(text('phone'));
      for (const id of ['greeting', 'invite-reply', 'sign-off']) assert.ok(!found.includes(id), id);
    });

    it('e-mail gets the greeting on its own line, chat and social inline', () => {
      assert.match(fixOnly(text('email'), ['greeting']), /---\nHi \{\{customer\.first_name \| default: "there"\}\},\n\nYour voucher/);
      assert.match(fixOnly(text('chat'), ['greeting']), /---\nHi \{\{customer\.first_name \| default: "there"\}\}, your voucher/);
      assert.match(fixOnly(text('social'), ['greeting']), /---\nHi \{\{customer\.first_name \| default: "there"\}\}, your voucher/);
    });

    it('the invitation is worded for the channel', () => {
      assert.match(fixOnly(text('email'), ['invite-reply']), /until May\.\n\nIf anything is still unclear, reply to this email and I'll be happy to help\.\n$/);
      assert.match(fixOnly(text('chat'), ['invite-reply']), /until May\. If anything is still unclear, reply here and I'll be happy to help\.\n$/);
      assert.match(fixOnly(text('social'), ['invite-reply']), /until May\. If anything is still unclear, send us a message and I'll be happy to help\.\n$/);
    });

    it('an inline chat greeting counts as a greeting', () => {
      const chat = macro({ title: 'Voucher', channel: 'chat' }, `Hi {{customer.first_name | default: "there"}}, ${body}`);
      assert.ok(!firesOn('greeting', chat));
    });
  });

  describe('platforms decide the inserted placeholders', () => {
    for (const id of platformIds) {
      it(id, () => {
        const platform = platforms[id];
        const text = macro({ title: 'Voucher', platform: id }, 'Thanks for asking! Your voucher code is SPRING10.\n\nIf it does not work, reply to this email.\n');
        const fixed = fixOnly(text, ['greeting', 'sign-off']);
        const name = formatWithFallback(platform, platform.customerFirstName, 'there') ?? formatPlaceholder(platform, platform.customerFirstName);
        assert.ok(fixed.includes(`---\nHi ${name},\n\nThanks for asking!`), fixed);
        assert.ok(fixed.endsWith(`reply to this email.\n\nBest,\n${formatPlaceholder(platform, platform.agentName)}\n`), fixed);
        assert.deepEqual(findingsOf(fixed).map((f) => f.ruleId), []);
      });
    }

    it('without placeholder-fallback the greeting uses the bare placeholder', () => {
      const text = macro({ title: 'Voucher', platform: 'intercom' }, 'Your voucher code is SPRING10.\n');
      assert.match(fixOnly(text, ['greeting'], { rules: { 'placeholder-fallback': 'off' } }), /\nHi \{\{first_name\}\},\n/);
    });
  });

  describe('options', () => {
    const promise = macro({ title: 'Claim', tags: '[orders]' }, `Hi {{customer.first_name | default: "there"}},\n\nThanks for the photos. I'll get back to you with the courier's answer.\n\nBest,\n{{agent.first_name}}\n`);

    it('follow-up-timeline inserts the configured number of days', () => {
      assert.match(fixOnly(promise, ['follow-up-timeline']), /I'll get back to you within 2 business days with/);
      assert.match(fixOnly(promise, ['follow-up-timeline'], { rules: { 'follow-up-timeline': { days: 1 } } }), /I'll get back to you within 1 business day with/);
    });

    it('follow-up-timeline leaves "soon" to vague-timeline while that rule is on', () => {
      for (const vague of ['soon', 'shortly', 'ASAP', 'as soon as possible', 'in due course']) {
        const text = promise.replace("with the courier's answer", vague);
        assert.deepEqual(ids(text).filter((id) => id === 'vague-timeline' || id === 'follow-up-timeline'), ['vague-timeline'], vague);
        assert.ok(firesOn('follow-up-timeline', text, { rules: { 'vague-timeline': 'off' } }), vague);
      }
    });

    it('sign-off accepts the configured closings and writes the configured closing', () => {
      const text = macro({ title: 'Voucher' }, 'Hi {{customer.first_name | default: "there"}},\n\nThanks! Your code is SPRING10; reply if it fails.\n\nTa ra,\n');
      assert.deepEqual(findingsOf(text).filter((f) => f.ruleId === 'sign-off').map((f) => f.message.split('.')[0]), ['The macro has no sign-off']);
      const layer = { rules: { 'sign-off': { closings: ['ta ra'], closing: 'Ta ra,' } } };
      assert.deepEqual(findingsOf(text, layer).filter((f) => f.ruleId === 'sign-off').map((f) => f.message.split('.')[0]), ['The sign-off has no agent name']);
      assert.ok(fixOnly(text, ['sign-off'], layer).endsWith('Ta ra,\n{{agent.first_name}}\n'));
      const bare = macro({ title: 'Voucher' }, 'Hi {{customer.first_name | default: "there"}},\n\nThanks! Your code is SPRING10; reply if it fails.\n');
      assert.ok(fixOnly(bare, ['sign-off'], layer).endsWith('fails.\n\nTa ra,\n{{agent.first_name}}\n'));
    });
  });

  it('CRLF files get CRLF insertions', () => {
    const text = macro({ title: 'Broken kettle', tags: '[complaint, investigation]', channel: 'email' }, 'Your replacement kettle ships today.\n').replace(/\n/g, '\r\n');
    const fixed = fixOnly(text, STRUCTURE);
    assert.notEqual(fixed, text);
    assert.ok(!/[^\r]\n/.test(fixed), JSON.stringify(fixed));
    assert.ok(fixed.endsWith('\r\n\r\nBest,\r\n{{agent.first_name}}\r\n'), JSON.stringify(fixed));
  });

  it('plain replies without front matter get no findings that assume an e-mail to a shopper', () => {
    const text = 'Your pull request was merged into the main branch. It ships in the next release.\n';
    assert.deepEqual(lintLines(text, STRUCTURE), []);
    // Sentence-level rules still read them.
    assert.ok(firesOn('gracious-no', 'We can not merge this pull request.\n'));
    assert.ok(firesOn('follow-up-timeline', 'We will look into it.\n'));
  });
});
