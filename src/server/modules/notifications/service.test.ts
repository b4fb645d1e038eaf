import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../tests/support/app.js';
import { auditEvents, jobs } from '../../db/platform-schema.js';
import { systemContext, type ServiceContext } from '../../lib/context.js';
import { JobRunner } from '../../lib/jobs.js';
import { inTransaction } from '../../lib/tx.js';
import { users } from '../identity/schema.js';
import { notificationsModule } from './index.js';
import { emailOutbox, notifications } from './schema.js';
import { maxSendAttempts, notifyUser, queueEmail, sendEmailJob } from './service.js';

type Received = { envelopeTo: string[]; raw: string };

/** A real SMTP server on a loopback port that keeps what it receives; `rejectRecipients` makes it refuse every RCPT TO. */
async function startSmtpServer(options: { rejectRecipients?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!options.rejectRecipients) return callback();
      const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Bytes of a quoted-printable (or RFC 2047 "Q") string. */
function quotedPrintableBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words; adjacent words are joined as bytes, so a character split across two survives. */
function decodeHeader(value: string): string {
  const word = /=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi;
  return value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(/(?:=\?[^?]+\?[BQ]\?[^?]*\?=)+/gi, (run) => {
    const parts = [...run.matchAll(word)].map(([, , encoding, text]) =>
      encoding!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : quotedPrintableBytes(text!.replace(/_/g, ' ')),
    );
    return Buffer.concat(parts).toString('utf8');
  });
}

/** Splits a raw RFC 5322 message (read as latin1, so bytes are kept) into decoded headers and a decoded UTF-8 text body. */
function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers: Record<string, string> = {};
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'latin1');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}

let t: TestApp;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await buildTestApp({ template: 'empty' });
  ctx = systemContext(t.testDb.database.db, t.clock);
});
afterAll(() => t.close());

let userCount = 0;
async function createUser(fields: Partial<typeof users.$inferInsert> = {}) {
  userCount++;
  const [user] = await ctx.db
    .insert(users)
    .values({ email: `nguoi-dung-${userCount}@example.vn`, displayName: 'Nguyễn Thị Lan', ...fields })
    .returning();
  return user!;
}

/** The manifest's job handler, with SMTP_URL as given. */
function sendEmailHandler(smtpUrl: string | undefined) {
  const handlers = notificationsModule.jobs!({ ...t.app.services, config: { ...t.config, smtpUrl } });
  const handler = handlers[sendEmailJob]!;
  return (outboxId: string) => handler(systemContext(t.testDb.database.db, t.clock, 'job-test'), { outboxId });
}

const outboxRow = async (id: string) => (await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;
const auditOf = (id: string) =>
  ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'email_outbox'), eq(auditEvents.entityId, id)));

describe('queueEmail', () => {
  it('writes a pending outbox row and its sending job', async () => {
    const user = await createUser();
    const { id } = await queueEmail(ctx, {
      userId: user.id,
      to: user.email,
      locale: 'en',
      template: 'reset_password',
      params: { displayName: user.displayName, link: 'https://doimoi.example/reset?token=abc' },
    });
    expect(await outboxRow(id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      locale: 'en',
      template: 'reset_password',
      subject: 'Reset your password',
    });
    const queued = await ctx.db
      .select()
      .from(jobs)
      .where(eq(jobs.uniqueKey, `email:${id}`));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ name: sendEmailJob, payload: { outboxId: id }, status: 'queued', maxAttempts: maxSendAttempts });
  });

  it('leaves no outbox row and no job when the calling transaction rolls back', async () => {
    const user = await createUser();
    const jobsBefore = await ctx.db.$count(jobs, eq(jobs.name, sendEmailJob));
    await expect(
      inTransaction(ctx, async (tx) => {
        await queueEmail(tx, {
          userId: user.id,
          to: user.email,
          locale: 'vi',
          template: 'password_changed',
          params: { displayName: user.displayName },
        });
        throw new Error('the caller failed after queueing');
      }),
    ).rejects.toThrow('the caller failed after queueing');
    expect(await ctx.db.$count(emailOutbox, eq(emailOutbox.toAddress, user.email))).toBe(0);
    expect(await ctx.db.$count(jobs, eq(jobs.name, sendEmailJob))).toBe(jobsBefore);
  });
});

describe('the send-email job through a real SMTP server', () => {
  it('delivers a Vietnamese verify_email message with a UTF-8 subject, marks it sent and audits it without personal data', async () => {
    const smtp = await startSmtpServer();
    try {
      const user = await createUser({ email: 'lan.nguyen@example.vn' });
      const link = 'https://doimoi.example/xac-minh-email?token=Zm9vYmFyYmF6cXV4MTIzNDU2';
      const { id } = await queueEmail(ctx, {
        userId: user.id,
        to: user.email,
        locale: 'vi',
        template: 'verify_email',
        params: { displayName: user.displayName, link },
      });
      t.clock.advance(5_000);
      await sendEmailHandler(smtp.url)(id);

      expect(smtp.received).toHaveLength(1);
      const [message] = smtp.received;
      expect(message!.envelopeTo).toEqual(['lan.nguyen@example.vn']);
      // Sent as RFC 2047 encoded words, decoded here by hand.
      expect(message!.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
      const { headers, text } = parseMessage(message!.raw);
      expect(headers.to).toBe('lan.nguyen@example.vn');
      expect(headers.from).toBe(t.config.mailFrom);
      expect(headers.subject).toBe('Xác minh địa chỉ e-mail của bạn');
      expect(headers['auto-submitted']).toBe('auto-generated');
      expect(headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i);
      expect(text).toContain('Xin chào Nguyễn Thị Lan,');
      expect(text).toContain(link);

      const row = await outboxRow(id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(new Date(row.sentAt!.replace(' ', 'T').replace(/\+00$/, 'Z')).toISOString()).toBe(t.clock.now().toISOString());
      const audit = await auditOf(id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'email.sent', actorId: null, after: { template: 'verify_email', status: 'sent' } });
      expect(JSON.stringify(audit[0])).not.toContain('lan.nguyen');
      expect(JSON.stringify(audit[0])).not.toContain('token=');

      // Idempotent: the job run again (a retry after a lost acknowledgement) sends nothing.
      await sendEmailHandler(smtp.url)(id);
      expect(smtp.received).toHaveLength(1);
      expect(await auditOf(id)).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('on refusal records each try, stays pending until the last, then fails; a failed row is not tried again', async () => {
    const smtp = await startSmtpServer({ rejectRecipients: true });
    try {
      const user = await createUser({ email: 'tu-choi@example.vn' });
      const { id } = await queueEmail(ctx, {
        userId: user.id,
        to: user.email,
        locale: 'en',
        template: 'password_changed',
        params: { displayName: user.displayName },
      });
      const send = sendEmailHandler(smtp.url);
      for (let attempt = 1; attempt < maxSendAttempts; attempt++) {
        await expect(send(id)).rejects.toThrow(`sending e-mail ${id} failed (attempt ${attempt} of ${maxSendAttempts})`);
        const row = await outboxRow(id);
        expect(row).toMatchObject({ status: 'pending', attempts: attempt, sentAt: null });
        expect(row.lastError).toMatch(/550/);
      }
      expect(await auditOf(id)).toHaveLength(0);

      await expect(send(id)).rejects.toThrow(`(attempt ${maxSendAttempts} of ${maxSendAttempts})`);
      expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: maxSendAttempts });
      const audit = await auditOf(id);
      expect(audit.map((a) => [a.action, a.after])).toEqual([['email.failed', { template: 'password_changed', status: 'failed' }]]);
      expect(JSON.stringify(audit)).not.toContain('tu-choi');

      await send(id);
      expect(await outboxRow(id)).toMatchObject({ status: 'failed', attempts: maxSendAttempts });
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });

  it('is registered with the job runner, which delivers after commit', async () => {
    const smtp = await startSmtpServer();
    try {
      const user = await createUser({ email: 'qua-runner@example.vn' });
      const services = { ...t.app.services, config: { ...t.config, smtpUrl: smtp.url } };
      const runner = new JobRunner({ db: t.testDb.database.db, clock: t.clock, logger: t.app.log, pollMs: 1000 });
      for (const [name, handler] of Object.entries(notificationsModule.jobs!(services))) runner.register(name, handler);
      const { id } = await queueEmail(ctx, {
        userId: user.id,
        to: user.email,
        locale: 'en',
        template: 'second_factor_enabled',
        params: { displayName: 'Lan' },
      });
      expect(await runner.runDue()).toBeGreaterThanOrEqual(1);
      expect(smtp.received.map((m) => m.envelopeTo)).toContainEqual(['qua-runner@example.vn']);
      expect(await outboxRow(id)).toMatchObject({ status: 'sent' });
      const [job] = await ctx.db
        .select()
        .from(jobs)
        .where(eq(jobs.uniqueKey, `email:${id}`));
      expect(job).toMatchObject({ status: 'succeeded', attempts: 1 });
    } finally {
      await smtp.close();
    }
  });
});

describe('without SMTP_URL', () => {
  it('holds the e-mail in the outbox and audits it', async () => {
    const user = await createUser();
    const { id } = await queueEmail(ctx, {
      userId: user.id,
      to: user.email,
      locale: 'vi',
      template: 'account_erased',
      params: { displayName: user.displayName },
    });
    await sendEmailHandler(undefined)(id);
    expect(await outboxRow(id)).toMatchObject({ status: 'held', attempts: 0, sentAt: null });
    expect((await auditOf(id)).map((a) => [a.action, a.after])).toEqual([['email.held', { template: 'account_erased', status: 'held' }]]);
    await sendEmailHandler(undefined)(id);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it('ignores a job whose row is gone', async () => {
    await expect(sendEmailHandler(undefined)('00000000-0000-4000-8000-000000000000')).resolves.toBeUndefined();
  });

  it('refuses a malformed payload', async () => {
    const handler = notificationsModule.jobs!(t.app.services)[sendEmailJob]!;
    await expect(handler(ctx, { outboxId: 'not-a-uuid' })).rejects.toThrow();
  });
});

describe('notifyUser', () => {
  it('stores both languages and, with alsoEmail, e-mails the user in their own language', async () => {
    const user = await createUser({ locale: 'en', email: 'officer@example.vn' });
    const result = await notifyUser(ctx, {
      userId: user.id,
      template: 'grant_added',
      params: { displayName: 'Lan', role: 'unit_officer', unitName: 'Sở Khoa học và Công nghệ' },
      url: '/tai-khoan',
      alsoEmail: true,
    });
    const [row] = await ctx.db.select().from(notifications).where(eq(notifications.id, result!.notificationId));
    expect(row).toMatchObject({
      userId: user.id,
      template: 'grant_added',
      titleVi: 'Vai trò mới: Cán bộ đơn vị',
      titleEn: 'New role: Unit officer',
      bodyVi: 'Bạn được giao vai trò Cán bộ đơn vị tại Sở Khoa học và Công nghệ.',
      url: '/tai-khoan',
      readAt: null,
    });
    expect(await outboxRow(result!.emailId!)).toMatchObject({
      toAddress: 'officer@example.vn',
      locale: 'en',
      subject: 'You have a new role: Unit officer',
      status: 'pending',
    });
  });

  it('sends nothing to an erased account', async () => {
    const user = await createUser({ erasedAt: '2026-03-01T00:00:00Z' });
    expect(
      await notifyUser(ctx, { userId: user.id, template: 'message', params: { title: 'Xin chào', body: 'Nội dung' }, alsoEmail: true }),
    ).toBeNull();
    expect(await ctx.db.$count(notifications, eq(notifications.userId, user.id))).toBe(0);
    expect(await ctx.db.$count(emailOutbox, eq(emailOutbox.userId, user.id))).toBe(0);
  });

  it('reports an unknown account as not found', async () => {
    await expect(
      notifyUser(ctx, { userId: '00000000-0000-4000-8000-000000000001', template: 'message', params: { title: 'a', body: 'b' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('personal data', () => {
  it('exports and erases what the module holds about a person', async () => {
    const user = await createUser();
    await notifyUser(ctx, { userId: user.id, template: 'password_changed', params: { displayName: user.displayName }, alsoEmail: true });
    const exported = (await notificationsModule.exportPersonalData!(ctx, user.id)) as {
      notifications: unknown[];
      emails: Array<Record<string, unknown>>;
    };
    expect(exported.notifications).toHaveLength(1);
    expect(exported.emails).toEqual([expect.objectContaining({ toAddress: user.email, template: 'password_changed', status: 'pending' })]);
    expect(exported.emails[0]).not.toHaveProperty('bodyText');
    await inTransaction(ctx, (tx) => notificationsModule.erasePersonalData!(tx, user.id));
    expect(await ctx.db.$count(notifications, eq(notifications.userId, user.id))).toBe(0);
    expect(await ctx.db.$count(emailOutbox, eq(emailOutbox.toAddress, user.email))).toBe(0);
  });
});
