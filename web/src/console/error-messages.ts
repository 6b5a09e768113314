/**
 * What the console says for each error code of the API, in both languages, instead of the server's English. A Record
 * over the generated ErrorCode union: a code the server adds fails the web typecheck until it has its two messages
 * here. The server's message is only the fallback for a status without a code (a proxy's 502).
 */
import { setErrorWords, type Schemas } from '../shared/api';
import type { Lang } from '../shared/i18n';

export type ErrorCode = Schemas['ErrorCode'];

type Both = Record<Lang, string>;

export const CONSOLE_ERROR_MESSAGES: Record<ErrorCode, Both> = {
  VALIDATION_FAILED: {
    en: 'Some fields are not filled in as required: check them and try again.',
    'zh-CN': '部分内容填写不符合要求，请检查后重试。',
  },
  UNAUTHENTICATED: { en: 'Your sign-in has ended: please sign in again.', 'zh-CN': '登录已失效，请重新登录。' },
  FORBIDDEN: { en: 'Your role may not do this.', 'zh-CN': '您的角色无权执行此操作。' },
  MEMBER_NOT_FOUND: { en: 'That member was not found.', 'zh-CN': '未找到该会员。' },
  TRANSACTION_NOT_FOUND: { en: 'That purchase was not found.', 'zh-CN': '未找到这笔消费。' },
  REDEMPTION_NOT_FOUND: { en: 'That redemption was not found.', 'zh-CN': '未找到这笔积分抵扣。' },
  IDEMPOTENCY_CONFLICT: { en: 'This was already sent with other details.', 'zh-CN': '该请求已用不同内容提交过。' },
  TOTAL_MISMATCH: { en: 'The total does not match the lines.', 'zh-CN': '合计金额与明细不符。' },
  CARD_INACTIVE: { en: 'This card is not active.', 'zh-CN': '这张会员卡未激活或已停用。' },
  INSUFFICIENT_POINTS: { en: 'The member does not have enough points.', 'zh-CN': '会员积分不足。' },
  REFUND_EXCEEDS_PURCHASE: { en: 'The refund is more than the purchase.', 'zh-CN': '退款超过了原消费金额。' },
  RATE_LIMITED: { en: 'Too many requests: wait a moment and try again.', 'zh-CN': '操作过于频繁，请稍后再试。' },
  REDEMPTION_CANCELLED: { en: 'That redemption was cancelled.', 'zh-CN': '这笔积分抵扣已取消。' },
  RECEIPT_TOO_OLD: { en: 'That receipt is too old to post.', 'zh-CN': '小票已超过可补录的期限。' },
  SERVICE_UNAVAILABLE: { en: 'The service is busy: try again shortly.', 'zh-CN': '服务繁忙，请稍后再试。' },
  MEMBER_CODE_EXPIRED: { en: 'The member code has expired.', 'zh-CN': '会员码已过期。' },
  COUPON_NOT_FOUND: { en: 'That coupon was not found.', 'zh-CN': '未找到这张券。' },
  COUPON_ALREADY_REDEEMED: { en: 'This coupon has already been used.', 'zh-CN': '这张券已经核销过了。' },
  COUPON_NOT_VALID: { en: 'This coupon cannot be used here now.', 'zh-CN': '这张券当前不可在此使用。' },
  REWARD_NOT_FOUND: { en: 'That reward was not found.', 'zh-CN': '未找到该礼品。' },
  REWARD_NOT_AVAILABLE: { en: 'This reward cannot be exchanged now.', 'zh-CN': '该礼品当前无法兑换。' },
  COUPON_NOT_VOIDABLE: { en: 'This coupon can no longer be voided.', 'zh-CN': '这张券已无法作废。' },
  COMPLAINT_NOT_FOUND: { en: 'That complaint case was not found.', 'zh-CN': '未找到该投诉案件。' },
  COMPLAINT_INVALID_TRANSITION: {
    en: 'The case cannot take this step now (see its state, or it was done already).',
    'zh-CN': '该案件当前无法执行此操作（请查看其状态，或该操作已完成）。',
  },
  SURVEY_NOT_FOUND: { en: 'That survey was not found.', 'zh-CN': '未找到该问卷。' },
  SURVEY_NOT_EDITABLE: {
    en: 'The survey cannot be changed this way in its current status.',
    'zh-CN': '问卷当前状态下无法这样修改。',
  },
  SURVEY_INVITATION_INVALID: { en: 'This survey link is not valid or has expired.', 'zh-CN': '问卷链接无效或已过期。' },
  SURVEY_ALREADY_ANSWERED: { en: 'This survey was answered with this link already.', 'zh-CN': '该问卷链接已填写过。' },
  REWARD_ELIGIBILITY_UNKNOWN: {
    en: 'The reward names a tier or a club that does not exist: pick them again.',
    'zh-CN': '该礼品指定的等级或俱乐部不存在，请重新选择。',
  },
  CATEGORY_NOT_FOUND: { en: 'That category is not in the catalog.', 'zh-CN': '品类目录中没有该品类。' },
  CATEGORY_CODE_TAKEN: { en: 'That category code already has a name: edit it instead.', 'zh-CN': '该品类代码已有名称，请直接修改。' },
  NOT_FOUND: { en: 'Not found: it may have been deleted.', 'zh-CN': '未找到，可能已被删除。' },
  STORE_NOT_FOUND: { en: 'That store was not found.', 'zh-CN': '未找到该门店。' },
  API_KEY_NOT_FOUND: { en: 'That API key was not found.', 'zh-CN': '未找到该 API 密钥。' },
  JOB_NOT_FOUND: { en: 'That job was not found.', 'zh-CN': '未找到该后台任务。' },
  TEMPLATE_NOT_FOUND: { en: 'That message template was not found.', 'zh-CN': '未找到该消息模板。' },
  WEBHOOK_NOT_FOUND: { en: 'That webhook was not found.', 'zh-CN': '未找到该 Webhook。' },
  WEBHOOK_DELIVERY_NOT_FOUND: { en: 'That webhook delivery was not found.', 'zh-CN': '未找到该 Webhook 投递记录。' },
  WEBHOOK_TARGET_REFUSED: { en: 'That webhook address is not allowed.', 'zh-CN': '不允许使用该 Webhook 地址。' },
  CLUB_NOT_FOUND: { en: 'That club was not found.', 'zh-CN': '未找到该俱乐部。' },
  CLUB_MEMBERSHIP_NOT_FOUND: { en: 'The member is not in that club.', 'zh-CN': '该会员不在这个俱乐部中。' },
  CLUB_CODE_TAKEN: { en: 'Another club has this code: choose another.', 'zh-CN': '俱乐部代码已被使用，请换一个。' },
  CLUB_NOT_JOINABLE: { en: 'Members cannot be added to this club by hand.', 'zh-CN': '该俱乐部不能手动添加会员。' },
  CLUB_NOT_AUTOMATIC: { en: 'Only an automatic club can be regrouped.', 'zh-CN': '只有自动分组的俱乐部才能重新分组。' },
  VALUE_NOT_COMPUTED: { en: 'No value run yet: run value scoring first.', 'zh-CN': '尚未进行价值评分，请先运行价值评分。' },
  CAMPAIGN_NOT_FOUND: { en: 'That campaign was not found.', 'zh-CN': '未找到该营销活动。' },
  CAMPAIGN_INVALID_TRANSITION: { en: 'The campaign cannot do this in its present state.', 'zh-CN': '营销活动当前状态不允许此操作。' },
  CAMPAIGN_BUDGET_NOT_RAISED: { en: 'A budget can only be raised, not lowered.', 'zh-CN': '预算只能提高，不能降低。' },
  STORE_CODE_TAKEN: { en: 'Another store has this code: choose another.', 'zh-CN': '门店代码已被使用，请换一个。' },
  PHONE_TAKEN: { en: 'Another member has this phone number.', 'zh-CN': '该手机号已属于其他会员。' },
  INVALID_CREDENTIALS: { en: 'The email or the password is wrong.', 'zh-CN': '邮箱或密码错误。' },
  PAYLOAD_TOO_LARGE: { en: 'That is too large to send.', 'zh-CN': '提交的内容过大。' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'That could not be read.', 'zh-CN': '无法识别提交的内容。' },
  ACCOUNT_LOCKED: {
    en: 'Locked for a while after too many tries: try again later.',
    'zh-CN': '尝试次数过多，账号已暂时锁定，请稍后再试。',
  },
  LADDER_INVALID: {
    en: 'The tier ladder is not valid: check the order and the criteria of each tier.',
    'zh-CN': '等级设置无效，请检查各等级的顺序与条件。',
  },
  LADDER_ORDER_INVALID: {
    en: 'The tiers cannot be in this order: the entry tier stays first and ranked tiers stay at the top.',
    'zh-CN': '等级不能按此顺序排列：入门等级须在最前，排名等级须在最上方。',
  },
  TIER_GRANT_INVALID: {
    en: 'This tier cannot be granted like this: check the tier and the end date.',
    'zh-CN': '无法这样授予等级，请检查等级和截止日期。',
  },
  VALUE_SETTINGS_INVALID: {
    en: 'The value settings are not valid: a weight must be above 0 and grades A and B at most 100%.',
    'zh-CN': '价值设置无效：至少一个权重大于 0，A、B 两级合计不超过 100%。',
  },
  SYSTEM_TEMPLATE_INVALID: { en: 'This system template is not valid: check its variables.', 'zh-CN': '系统模板无效，请检查其中的变量。' },
  RANK_REVIEW_NEEDS_VALUE_RUN: {
    en: 'No value run covers this period: run value scoring first.',
    'zh-CN': '没有覆盖该周期的价值评分，请先运行价值评分。',
  },
  CAMPAIGN_APPROVER_IS_AUTHOR: {
    en: 'Someone other than the author must approve this campaign.',
    'zh-CN': '营销活动须由创建人以外的人审批。',
  },
  ADJUSTMENT_DAILY_LIMIT: {
    en: 'Your daily limit of point adjustments is reached: ask an administrator.',
    'zh-CN': '您今日的积分调整额度已用完，请联系管理员。',
  },
  CARD_NOT_FOUND: { en: 'That card was not found.', 'zh-CN': '未找到该会员卡。' },
  USER_NOT_FOUND: { en: 'That console user was not found.', 'zh-CN': '未找到该后台用户。' },
  CARD_STATUS_CONFLICT: { en: 'The card cannot change like this in its present state.', 'zh-CN': '会员卡当前状态不允许此操作。' },
  MEMBER_MERGED: { en: 'This member was merged into another.', 'zh-CN': '该会员已合并到另一个会员。' },
  USER_EMAIL_TAKEN: { en: 'Another console user has this email.', 'zh-CN': '该邮箱已被其他后台用户使用。' },
  MERGE_REFUSED: { en: 'These members cannot be merged.', 'zh-CN': '这两个会员不能合并。' },
  MEMBER_ERASED: { en: 'This member’s data was erased.', 'zh-CN': '该会员的个人数据已被删除。' },
  SIGN_IN_CODE_INVALID: { en: 'That code is wrong or has expired.', 'zh-CN': '验证码错误或已过期。' },
  SIGN_IN_LOCKED: { en: 'Too many tries: try again later.', 'zh-CN': '尝试次数过多，请稍后再试。' },
  PHONE_NOT_REGISTERED: { en: 'No member has this phone number.', 'zh-CN': '没有会员使用该手机号。' },
  CARD_ALREADY_BOUND: { en: 'That card already belongs to a member.', 'zh-CN': '该会员卡已绑定其他会员。' },
  INTERNAL_ERROR: { en: 'Something went wrong on our side: try again.', 'zh-CN': '系统出错了，请稍后再试。' },
};

/** The console's words for an error code in a language; null for a code the API does not define (the server's message shows). */
export function consoleErrorMessage(code: string, lang: Lang): string | null {
  return Object.hasOwn(CONSOLE_ERROR_MESSAGES, code) ? CONSOLE_ERROR_MESSAGES[code as ErrorCode][lang] : null;
}

/** From now on every ApiError of the console carries the console's words in this language. */
export function speakErrorsIn(lang: Lang): void {
  setErrorWords((code) => consoleErrorMessage(code, lang));
}
