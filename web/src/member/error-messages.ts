/**
 * What the member page says for each error code of the API, in both languages. A Record over the generated
 * ErrorCode union: a code the server adds fails the web typecheck until it has its two messages here.
 */
import type { Schemas } from '../shared/api';
import type { Lang } from '../shared/i18n';

export type ErrorCode = Schemas['ErrorCode'];

type Both = Record<Lang, string>;

export const ERROR_MESSAGES: Record<ErrorCode, Both> = {
  VALIDATION_FAILED: { en: 'Please check what you entered.', 'zh-CN': '请检查填写的内容。' },
  UNAUTHENTICATED: { en: 'Please sign in again.', 'zh-CN': '请重新登录。' },
  FORBIDDEN: { en: 'This is not open to you.', 'zh-CN': '您无权进行此操作。' },
  MEMBER_NOT_FOUND: { en: 'Your membership was not found.', 'zh-CN': '未找到您的会员信息。' },
  TRANSACTION_NOT_FOUND: { en: 'That purchase was not found.', 'zh-CN': '未找到这笔消费。' },
  REDEMPTION_NOT_FOUND: { en: 'That use of points was not found.', 'zh-CN': '未找到这笔积分使用记录。' },
  IDEMPOTENCY_CONFLICT: { en: 'This was already sent with other details.', 'zh-CN': '该请求已用不同内容提交过。' },
  TOTAL_MISMATCH: { en: 'The total does not match the items.', 'zh-CN': '合计金额与明细不符。' },
  CARD_INACTIVE: { en: 'This card is not active.', 'zh-CN': '这张会员卡未激活或已停用。' },
  INSUFFICIENT_POINTS: { en: 'You do not have enough points.', 'zh-CN': '积分不足。' },
  REFUND_EXCEEDS_PURCHASE: { en: 'The refund is more than the purchase.', 'zh-CN': '退款超过了原消费金额。' },
  RATE_LIMITED: { en: 'Too many tries. Please wait a moment.', 'zh-CN': '操作过于频繁，请稍后再试。' },
  REDEMPTION_CANCELLED: { en: 'That use of points was cancelled.', 'zh-CN': '这笔积分使用已取消。' },
  RECEIPT_TOO_OLD: { en: 'That receipt is too old.', 'zh-CN': '小票已超过可补录的期限。' },
  SERVICE_UNAVAILABLE: { en: 'The service is busy. Please try again shortly.', 'zh-CN': '服务繁忙，请稍后再试。' },
  MEMBER_CODE_EXPIRED: { en: 'The member code has expired: show the new one.', 'zh-CN': '会员码已过期，请出示新的会员码。' },
  COUPON_NOT_FOUND: { en: 'That coupon was not found.', 'zh-CN': '未找到这张券。' },
  COUPON_ALREADY_REDEEMED: { en: 'This coupon has already been used.', 'zh-CN': '这张券已经使用过了。' },
  COUPON_NOT_VALID: { en: 'This coupon cannot be used here now.', 'zh-CN': '这张券当前不可在此使用。' },
  REWARD_ELIGIBILITY_UNKNOWN: { en: 'This reward names a tier or club that does not exist.', 'zh-CN': '该奖励指定的等级或俱乐部不存在。' },
  COUPON_NOT_VOIDABLE: { en: 'This coupon can no longer be cancelled.', 'zh-CN': '这张券已无法作废。' },
  CATEGORY_NOT_FOUND: { en: 'That category is not in the catalog.', 'zh-CN': '品类目录中没有该品类。' },
  CATEGORY_CODE_TAKEN: { en: 'That category code already has a name.', 'zh-CN': '该品类代码已有名称。' },
  REWARD_NOT_FOUND: { en: 'That reward was not found.', 'zh-CN': '未找到该礼品。' },
  REWARD_NOT_AVAILABLE: { en: 'This reward cannot be exchanged now.', 'zh-CN': '该礼品当前无法兑换。' },
  COMPLAINT_NOT_FOUND: { en: 'That complaint was not found.', 'zh-CN': '未找到该投诉。' },
  COMPLAINT_INVALID_TRANSITION: { en: 'This complaint cannot be reopened any more.', 'zh-CN': '该投诉已无法重新打开。' },
  SURVEY_NOT_FOUND: { en: 'That survey was not found.', 'zh-CN': '未找到该问卷。' },
  SURVEY_NOT_EDITABLE: { en: 'This survey cannot be changed.', 'zh-CN': '该问卷无法修改。' },
  SURVEY_INVITATION_INVALID: { en: 'This survey link is not valid or has expired.', 'zh-CN': '问卷链接无效或已过期。' },
  SURVEY_ALREADY_ANSWERED: { en: 'You have answered this survey already. Thank you!', 'zh-CN': '您已填写过该问卷，感谢参与！' },
  NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  STORE_NOT_FOUND: { en: 'That store was not found.', 'zh-CN': '未找到该门店。' },
  API_KEY_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  JOB_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  TEMPLATE_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  WEBHOOK_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  WEBHOOK_DELIVERY_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  WEBHOOK_TARGET_REFUSED: { en: 'Refused.', 'zh-CN': '已被拒绝。' },
  CLUB_NOT_FOUND: { en: 'That club was not found.', 'zh-CN': '未找到该俱乐部。' },
  CLUB_MEMBERSHIP_NOT_FOUND: { en: 'You are not in that club.', 'zh-CN': '您不在该俱乐部中。' },
  CLUB_CODE_TAKEN: { en: 'That club code is taken.', 'zh-CN': '俱乐部代码已被使用。' },
  CLUB_NOT_JOINABLE: { en: 'This club cannot be joined online.', 'zh-CN': '该俱乐部不能在线加入。' },
  CLUB_NOT_AUTOMATIC: { en: 'This club is not automatic.', 'zh-CN': '该俱乐部不是自动分组的。' },
  VALUE_NOT_COMPUTED: { en: 'Not computed yet.', 'zh-CN': '尚未计算。' },
  CAMPAIGN_NOT_FOUND: { en: 'That offer was not found.', 'zh-CN': '未找到该活动。' },
  CAMPAIGN_INVALID_TRANSITION: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  CAMPAIGN_BUDGET_NOT_RAISED: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  STORE_CODE_TAKEN: { en: 'That store code is taken.', 'zh-CN': '门店代码已被使用。' },
  PHONE_TAKEN: { en: 'A member already has this number: sign in instead.', 'zh-CN': '该手机号已注册，请直接登录。' },
  INVALID_CREDENTIALS: { en: 'The sign-in details are wrong.', 'zh-CN': '登录信息不正确。' },
  PAYLOAD_TOO_LARGE: { en: 'That is too large to send.', 'zh-CN': '提交的内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'That could not be read.', 'zh-CN': '无法识别提交的内容。' },
  ACCOUNT_LOCKED: { en: 'Locked for a while after too many tries.', 'zh-CN': '尝试次数过多，已暂时锁定。' },
  LADDER_INVALID: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  LADDER_ORDER_INVALID: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  TIER_GRANT_INVALID: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  VALUE_SETTINGS_INVALID: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  SYSTEM_TEMPLATE_INVALID: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  RANK_REVIEW_NEEDS_VALUE_RUN: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  CAMPAIGN_APPROVER_IS_AUTHOR: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  ADJUSTMENT_DAILY_LIMIT: { en: 'Not possible today.', 'zh-CN': '今日无法再进行此操作。' },
  CARD_NOT_FOUND: { en: 'That card was not found.', 'zh-CN': '未找到该会员卡。' },
  USER_NOT_FOUND: { en: 'Not found.', 'zh-CN': '未找到。' },
  CARD_STATUS_CONFLICT: { en: 'The card cannot change like this now.', 'zh-CN': '会员卡当前状态不允许此操作。' },
  MEMBER_MERGED: { en: 'This membership was merged into another.', 'zh-CN': '该会员已合并到另一个账户。' },
  USER_EMAIL_TAKEN: { en: 'That email is taken.', 'zh-CN': '该邮箱已被使用。' },
  MERGE_REFUSED: { en: 'Not possible now.', 'zh-CN': '当前无法进行此操作。' },
  MEMBER_ERASED: { en: 'This membership was deleted.', 'zh-CN': '该会员已注销。' },
  SIGN_IN_CODE_INVALID: { en: 'That code is wrong or has expired.', 'zh-CN': '验证码错误或已过期。' },
  SIGN_IN_LOCKED: { en: 'Too many tries. Try again later.', 'zh-CN': '尝试次数过多，请稍后再试。' },
  PHONE_NOT_REGISTERED: { en: 'No member holds this number yet.', 'zh-CN': '该手机号尚未注册会员。' },
  CARD_ALREADY_BOUND: { en: 'That card already belongs to a member.', 'zh-CN': '该会员卡已绑定其他会员。' },
  INTERNAL_ERROR: { en: 'Something went wrong on our side. Please try again.', 'zh-CN': '系统出错了，请稍后再试。' },
};

/** The page's own codes: a service not offered (404 on a download), and no connection. */
const PAGE_MESSAGES: Record<'NOT_AVAILABLE' | 'OFFLINE', Both> = {
  NOT_AVAILABLE: {
    en: 'This service is not offered online yet. Please ask at the service desk.',
    'zh-CN': '该服务暂未在线开放，请到服务台办理。',
  },
  OFFLINE: { en: 'No connection. Check the network and try again.', 'zh-CN': '网络未连接，请检查网络后重试。' },
};

/** The message for an error: its API code's, the page's, else a general one (never the server's English text alone). */
export function errorMessage(err: unknown, lang: Lang): string {
  const code = (err as { code?: string } | null)?.code ?? (err instanceof TypeError ? 'OFFLINE' : '');
  if (code in ERROR_MESSAGES) {
    return ERROR_MESSAGES[code as ErrorCode][lang];
  }
  if (code in PAGE_MESSAGES) {
    return PAGE_MESSAGES[code as keyof typeof PAGE_MESSAGES][lang];
  }
  return ERROR_MESSAGES.INTERNAL_ERROR[lang];
}
