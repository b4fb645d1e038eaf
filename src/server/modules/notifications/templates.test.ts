import { describe, expect, it } from 'vitest';
import { renderEmail, renderInApp, templateNames, type TemplateMessage } from './templates.js';

const samples: Record<(typeof templateNames)[number], TemplateMessage> = {
  verify_email: {
    template: 'verify_email',
    params: { displayName: 'Nguyễn Thị Lan', link: 'https://doimoi.example/xac-minh-email?token=a&b=<c>' },
  },
  reset_password: {
    template: 'reset_password',
    params: { displayName: 'Nguyễn Thị Lan', link: 'https://doimoi.example/dat-lai-mat-khau?token=x' },
  },
  password_changed: {
    template: 'password_changed',
    params: { displayName: 'Nguyễn Thị Lan', revokedTokens: 2, link: 'https://doimoi.example/tai-khoan' },
  },
  failed_sign_ins: {
    template: 'failed_sign_ins',
    params: { accountEmail: 'lan@example.vn', failures: 20, windowMinutes: 60, link: 'https://doimoi.example/quan-tri' },
  },
  second_factor_enabled: { template: 'second_factor_enabled', params: { displayName: 'Nguyễn Thị Lan' } },
  account_erased: { template: 'account_erased', params: { displayName: 'Nguyễn Thị Lan' } },
  grant_added: { template: 'grant_added', params: { displayName: 'Nguyễn Thị Lan', role: 'programme_manager', unitName: 'Sở Nội vụ' } },
  message: {
    template: 'message',
    params: { title: 'Nhắc việc', body: 'Hạn báo cáo là ngày 15.', link: 'https://doimoi.example/nhiem-vu/NV-12' },
  },
};

describe('templates', () => {
  it.each(templateNames)('%s renders a one-line subject and a body in both languages', (name) => {
    for (const locale of ['vi', 'en'] as const) {
      const email = renderEmail(samples[name], locale);
      const inApp = renderInApp(samples[name], locale);
      expect(email.subject).toMatch(/\S/);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.text).toMatch(/\S/);
      expect(inApp.title).toMatch(/\S/);
      expect(inApp.body).toMatch(/\S/);
      expect(email.text).toContain(locale === 'vi' ? 'Thư này được gửi tự động' : 'This message was sent automatically');
    }
    // Proper Vietnamese: the Vietnamese e-mail carries diacritics, the English one does not borrow it.
    expect(renderEmail(samples[name], 'vi').text).toMatch(/[ăâđêôơưàáảãạềếểễệờớởỡợ]/);
    if (name !== 'message') expect(renderEmail(samples[name], 'vi').text).not.toEqual(renderEmail(samples[name], 'en').text);
  });

  it('greets by name and keeps links as they are (plain text, nothing escaped)', () => {
    const email = renderEmail(samples.verify_email, 'vi');
    expect(email).toEqual({
      subject: 'Xác minh địa chỉ e-mail của bạn',
      text: expect.stringMatching(/^Xin chào Nguyễn Thị Lan,\n\n/),
    });
    expect(email.text).toContain('\n\nhttps://doimoi.example/xac-minh-email?token=a&b=<c>\n\n');
    expect(renderEmail(samples.verify_email, 'en').text).toMatch(/^Hello Nguyễn Thị Lan,\n\n/);
  });

  it('names roles in words and passes an unknown role through', () => {
    expect(renderEmail(samples.grant_added, 'vi').subject).toBe('Bạn được giao vai trò Quản lý chương trình');
    expect(renderInApp(samples.grant_added, 'en')).toEqual({
      title: 'New role: Programme manager',
      body: 'You were given the role Programme manager on Sở Nội vụ.',
    });
    expect(renderInApp({ template: 'grant_added', params: { displayName: 'A', role: 'observer', unitName: 'X' } }, 'vi').title).toBe(
      'Vai trò mới: observer',
    );
  });

  it('sends a free message as written, with its link after the body', () => {
    expect(renderEmail(samples.message, 'vi').text.split('\n\n').slice(0, 2)).toEqual([
      'Hạn báo cáo là ngày 15.',
      'https://doimoi.example/nhiem-vu/NV-12',
    ]);
    expect(renderInApp(samples.message, 'en')).toEqual({ title: 'Nhắc việc', body: 'Hạn báo cáo là ngày 15.' });
  });
});
