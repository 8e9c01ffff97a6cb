export { contentTypeFor, planRequest, quoteEtag } from './request-plan';
export type { RequestPlan, RequestPlanInput } from './request-plan';
