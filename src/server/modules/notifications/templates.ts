import type { Locale } from '../../../shared/contracts/common.js';
import type { RoleName } from '../../../shared/contracts/identity.js';

/** What each template needs to be filled in. */
export type TemplateParams = {
  verify_email: { displayName: string; link: string };
  reset_password: { displayName: string; link: string };
  /** After a change or a reset every other session, reset link and API token of the account ends; `link` leads to the account page. */
  password_changed: { displayName: string; revokedTokens?: number; link?: string };
  /** To administrators: an account failed to sign in `failures` times within `windowMinutes`, from anywhere. */
  failed_sign_ins: { accountEmail: string; failures: number; windowMinutes: number; link: string };
  second_factor_enabled: { displayName: string };
  account_erased: { displayName: string };
  grant_added: { displayName: string; role: RoleName | (string & {}); unitName: string };
  /** Free text the caller has already written in the recipient's language. */
  message: { title: string; body: string; link?: string | undefined };
};

export type TemplateName = keyof TemplateParams;
export type EmailTemplateName = TemplateName;
export const templateNames = [
  'verify_email',
  'reset_password',
  'password_changed',
  'failed_sign_ins',
  'second_factor_enabled',
  'account_erased',
  'grant_added',
  'message',
] as const satisfies readonly TemplateName[];

/** A template with its parameters; the name narrows the parameters' type. */
export type TemplateMessage = { [K in TemplateName]: { template: K; params: TemplateParams[K] } }[TemplateName];

/** A plain-text e-mail. */
export type RenderedEmail = { subject: string; text: string };
/** The short form shown in the notification list. */
export type RenderedInApp = { title: string; body: string };

type Rendered = { email: RenderedEmail; inApp: RenderedInApp };
type Definition<K extends TemplateName> = Record<Locale, (params: TemplateParams[K]) => Rendered>;

const signature: Record<Locale, string> = {
  vi: '-- \ndoimoi · Đổi mới sáng tạo TP.HCM\nThư này được gửi tự động, vui lòng không trả lời.',
  en: '-- \ndoimoi · Innovation in Ho Chi Minh City\nThis message was sent automatically; please do not reply.',
};

/** Greeting, paragraphs and signature, separated by blank lines (plain text, nothing escaped). */
function letter(locale: Locale, displayName: string | null, paragraphs: ReadonlyArray<string>): string {
  const greeting = displayName === null ? [] : [locale === 'vi' ? `Xin chào ${displayName},` : `Hello ${displayName},`];
  return [...greeting, ...paragraphs, signature[locale]].join('\n\n');
}

/** The paragraph saying which API tokens were revoked and where to make new ones. */
function tokensRevoked(locale: Locale, p: TemplateParams['password_changed']): string[] {
  if (!p.revokedTokens) return [];
  const where = p.link ? (locale === 'vi' ? ` tại ${p.link}` : ` at ${p.link}`) : '';
  return [
    locale === 'vi'
      ? `${p.revokedTokens} mã truy cập API của bạn đã bị thu hồi; hãy tạo mã mới${where} cho các ứng dụng còn dùng.`
      : `Your ${p.revokedTokens} API token(s) were revoked; create new ones${where} for the applications that still need them.`,
  ];
}

const roleLabels: Record<RoleName, Record<Locale, string>> = {
  administrator: { vi: 'Quản trị viên', en: 'Administrator' },
  programme_manager: { vi: 'Quản lý chương trình', en: 'Programme manager' },
  leader: { vi: 'Lãnh đạo', en: 'Leader' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  reviewer: { vi: 'Người thẩm định', en: 'Reviewer' },
  registered_user: { vi: 'Người dùng đã đăng ký', en: 'Registered user' },
};

function roleLabel(role: string, locale: Locale): string {
  return role in roleLabels ? roleLabels[role as RoleName][locale] : role;
}

const definitions: { [K in TemplateName]: Definition<K> } = {
  verify_email: {
    vi: (p) => ({
      email: {
        subject: 'Xác minh địa chỉ e-mail của bạn',
        text: letter('vi', p.displayName, [
          'Cảm ơn bạn đã đăng ký tài khoản doimoi. Để hoàn tất, hãy mở liên kết sau để xác minh địa chỉ e-mail:',
          p.link,
          'Nếu bạn không đăng ký tài khoản, hãy bỏ qua thư này.',
        ]),
      },
      inApp: { title: 'Xác minh địa chỉ e-mail', body: 'Hãy mở liên kết trong thư chúng tôi đã gửi để xác minh địa chỉ e-mail của bạn.' },
    }),
    en: (p) => ({
      email: {
        subject: 'Verify your e-mail address',
        text: letter('en', p.displayName, [
          'Thank you for creating a doimoi account. To finish, open this link to verify your e-mail address:',
          p.link,
          'If you did not create an account, ignore this message.',
        ]),
      },
      inApp: { title: 'Verify your e-mail address', body: 'Open the link in the message we sent you to verify your e-mail address.' },
    }),
  },
  reset_password: {
    vi: (p) => ({
      email: {
        subject: 'Đặt lại mật khẩu',
        text: letter('vi', p.displayName, [
          'Chúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản doimoi của bạn. Hãy mở liên kết sau để đặt mật khẩu mới:',
          p.link,
          'Liên kết chỉ dùng được một lần và sẽ sớm hết hạn. Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên.',
        ]),
      },
      inApp: { title: 'Đặt lại mật khẩu', body: 'Chúng tôi đã gửi liên kết đặt lại mật khẩu đến địa chỉ e-mail của bạn.' },
    }),
    en: (p) => ({
      email: {
        subject: 'Reset your password',
        text: letter('en', p.displayName, [
          'We received a request to reset the password of your doimoi account. Open this link to choose a new password:',
          p.link,
          'The link works once and expires soon. If you did not ask for this, ignore this message; your current password stays as it is.',
        ]),
      },
      inApp: { title: 'Reset your password', body: 'We sent a password reset link to your e-mail address.' },
    }),
  },
  password_changed: {
    vi: (p) => ({
      email: {
        subject: 'Mật khẩu của bạn đã được thay đổi',
        text: letter('vi', p.displayName, [
          'Mật khẩu tài khoản doimoi của bạn vừa được thay đổi. Mọi phiên đăng nhập khác đã kết thúc và các liên kết đặt lại mật khẩu đã gửi trước đó không còn dùng được.',
          ...tokensRevoked('vi', p),
          'Nếu không phải bạn thực hiện, hãy đặt lại mật khẩu ngay và báo cho quản trị viên.',
        ]),
      },
      inApp: {
        title: 'Mật khẩu đã được thay đổi',
        body: `Mật khẩu tài khoản của bạn vừa được thay đổi; các phiên đăng nhập khác đã kết thúc${p.revokedTokens ? ` và ${p.revokedTokens} mã truy cập API đã bị thu hồi (hãy tạo mã mới)` : ''}. Nếu không phải bạn, hãy đặt lại mật khẩu ngay.`,
      },
    }),
    en: (p) => ({
      email: {
        subject: 'Your password was changed',
        text: letter('en', p.displayName, [
          'The password of your doimoi account was just changed. Every other session has been signed out, and password reset links sent earlier no longer work.',
          ...tokensRevoked('en', p),
          'If this was not you, reset your password now and tell an administrator.',
        ]),
      },
      inApp: {
        title: 'Password changed',
        body: `The password of your account was just changed; other sessions were signed out${p.revokedTokens ? ` and ${p.revokedTokens} API token(s) revoked (create new ones)` : ''}. If this was not you, reset it now.`,
      },
    }),
  },
  failed_sign_ins: {
    vi: (p) => ({
      email: {
        subject: `Nhiều lần đăng nhập sai vào tài khoản ${p.accountEmail}`,
        text: letter('vi', null, [
          `Tài khoản ${p.accountEmail} đã bị đăng nhập sai ${p.failures} lần trong ${p.windowMinutes} phút, từ một hay nhiều địa chỉ.`,
          'Tài khoản không bị khóa: chủ tài khoản vẫn đăng nhập được, các lần thử tiếp theo bị làm chậm. Hãy xem nhật ký và liên hệ chủ tài khoản nếu cần.',
          p.link,
        ]),
      },
      inApp: {
        title: 'Nhiều lần đăng nhập sai',
        body: `Tài khoản ${p.accountEmail}: ${p.failures} lần đăng nhập sai trong ${p.windowMinutes} phút. Các lần thử tiếp theo bị làm chậm; tài khoản không bị khóa.`,
      },
    }),
    en: (p) => ({
      email: {
        subject: `Many failed sign-ins to ${p.accountEmail}`,
        text: letter('en', null, [
          `The account ${p.accountEmail} failed to sign in ${p.failures} times within ${p.windowMinutes} minutes, from one or more addresses.`,
          'The account is not locked: its owner can still sign in, and further attempts are slowed down. Check the audit log and contact the owner if needed.',
          p.link,
        ]),
      },
      inApp: {
        title: 'Many failed sign-ins',
        body: `Account ${p.accountEmail}: ${p.failures} failed sign-ins within ${p.windowMinutes} minutes. Further attempts are slowed down; the account is not locked.`,
      },
    }),
  },
  second_factor_enabled: {
    vi: (p) => ({
      email: {
        subject: 'Đã bật xác thực hai lớp',
        text: letter('vi', p.displayName, [
          'Xác thực hai lớp vừa được bật cho tài khoản doimoi của bạn. Từ nay, mỗi lần đăng nhập bạn cần nhập thêm mã từ ứng dụng xác thực.',
          'Hãy cất giữ các mã khôi phục ở nơi an toàn: chúng giúp bạn đăng nhập khi mất điện thoại.',
          'Nếu không phải bạn thực hiện, hãy báo ngay cho quản trị viên.',
        ]),
      },
      inApp: {
        title: 'Đã bật xác thực hai lớp',
        body: 'Mỗi lần đăng nhập, bạn cần nhập thêm mã từ ứng dụng xác thực. Hãy cất giữ các mã khôi phục ở nơi an toàn.',
      },
    }),
    en: (p) => ({
      email: {
        subject: 'Two-factor authentication is on',
        text: letter('en', p.displayName, [
          'Two-factor authentication was just turned on for your doimoi account. From now on, signing in also asks for a code from your authenticator app.',
          'Keep your recovery codes somewhere safe: they let you sign in if you lose your phone.',
          'If this was not you, tell an administrator at once.',
        ]),
      },
      inApp: {
        title: 'Two-factor authentication is on',
        body: 'Signing in now also asks for a code from your authenticator app. Keep your recovery codes somewhere safe.',
      },
    }),
  },
  account_erased: {
    vi: (p) => ({
      email: {
        subject: 'Tài khoản của bạn đã được xóa',
        text: letter('vi', p.displayName, [
          'Theo yêu cầu của bạn, tài khoản doimoi đã được xóa. Dữ liệu cá nhân của bạn đã được xóa hoặc ẩn danh theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.',
          'Đây là thư cuối cùng chúng tôi gửi đến địa chỉ này.',
        ]),
      },
      inApp: { title: 'Tài khoản đã được xóa', body: 'Tài khoản và dữ liệu cá nhân của bạn đã được xóa theo yêu cầu.' },
    }),
    en: (p) => ({
      email: {
        subject: 'Your account has been erased',
        text: letter('en', p.displayName, [
          'As you asked, your doimoi account has been erased. Your personal data has been deleted or anonymised under Decree 13/2023/NĐ-CP on personal data protection.',
          'This is the last message we send to this address.',
        ]),
      },
      inApp: { title: 'Account erased', body: 'Your account and personal data have been erased as you asked.' },
    }),
  },
  grant_added: {
    vi: (p) => ({
      email: {
        subject: `Bạn được giao vai trò ${roleLabel(p.role, 'vi')}`,
        text: letter('vi', p.displayName, [
          `Bạn vừa được giao vai trò ${roleLabel(p.role, 'vi')} tại ${p.unitName} trên doimoi.`,
          'Bạn có thể dùng các chức năng của vai trò này ngay. Nếu bạn cho rằng đây là nhầm lẫn, hãy báo cho quản trị viên.',
        ]),
      },
      inApp: {
        title: `Vai trò mới: ${roleLabel(p.role, 'vi')}`,
        body: `Bạn được giao vai trò ${roleLabel(p.role, 'vi')} tại ${p.unitName}.`,
      },
    }),
    en: (p) => ({
      email: {
        subject: `You have a new role: ${roleLabel(p.role, 'en')}`,
        text: letter('en', p.displayName, [
          `You were given the role ${roleLabel(p.role, 'en')} on ${p.unitName} in doimoi.`,
          'You can use what the role allows right away. If you think this is a mistake, tell an administrator.',
        ]),
      },
      inApp: {
        title: `New role: ${roleLabel(p.role, 'en')}`,
        body: `You were given the role ${roleLabel(p.role, 'en')} on ${p.unitName}.`,
      },
    }),
  },
  // The caller wrote the text in one language already; both locales carry it as given.
  message: {
    vi: (p) => ({
      email: { subject: p.title, text: letter('vi', null, p.link ? [p.body, p.link] : [p.body]) },
      inApp: { title: p.title, body: p.body },
    }),
    en: (p) => ({
      email: { subject: p.title, text: letter('en', null, p.link ? [p.body, p.link] : [p.body]) },
      inApp: { title: p.title, body: p.body },
    }),
  },
};

function render<K extends TemplateName>(template: K, params: TemplateParams[K], locale: Locale): Rendered {
  return definitions[template][locale](params);
}

/** The e-mail for a template in one language. */
export function renderEmail(message: TemplateMessage, locale: Locale): RenderedEmail {
  return render(message.template, message.params, locale).email;
}

/** The in-app notification for a template in one language. */
export function renderInApp(message: TemplateMessage, locale: Locale): RenderedInApp {
  return render(message.template, message.params, locale).inApp;
}
