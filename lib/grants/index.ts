// The grant lifecycle. Routes, orders and the fulfillment engine change grants only through
// what is exported here; nothing in lib/grants calls GitHub or knows about the engine.
export type { Grant, GrantChanges, GrantRecipient, GrantStatus } from "./grant";
export { transitionGrant, transitionGrants, type Transition } from "./transition";
export { claimGrants, renewLease, type LeaseClock } from "./lease";
export { completeWriteEvent, recordGithubCalls, recordGithubWrite } from "./events";
export type { RetryPolicy } from "./retry-policy";
export { isBasePermission, permissionRank } from "./permission-rank";
export { sameTarget, type AccessTarget } from "./same-target";
export { grantTarget, teamMember } from "./target";
export {
  leavesOrganization,
  strongestAccess,
  strongestOtherPaidGrant,
} from "./queries/other-paid-grants";
export {
  releaseInviteSlot,
  releaseUnansweredInviteSlots,
  reserveInviteSlot,
  reserveOrgInviteSlot,
  settleOrgInviteSlot,
} from "./queries/invite-quota";
export { settleAccess, type AccessAnswer, type AccessHint } from "./operations/settle-access";
export { createGrants, createGrantsCtes } from "./operations/create-grants";
export { queueWaitingGrants, type GithubIdentity } from "./operations/queue-waiting-grants";
export { requestRevocation } from "./operations/request-revocation";
export { resendInvitation, type ResendRequester } from "./operations/resend-invitation";
export {
  BUYER_RESEND_LIMIT,
  requestNewInvitation,
  type NewInvitationOutcome,
} from "./operations/request-new-invitation";
export { retryGrantNow } from "./operations/retry-grant-now";
export {
  failGrant,
  failureChanges,
  markActive,
  markInvited,
  markPendingMembership,
  waitForQuota,
} from "./operations/settle-grant";
export { forgetInvitation, learnLogin, recordLogin } from "./operations/record-login";
