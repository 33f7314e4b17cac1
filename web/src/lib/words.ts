/**
 * The API's values as people say them, where every screen says them alike (values with the
 * policy's own words come from GET /policy instead). A value not named here is shown as it is.
 */

export const FINDING_NAMES: Record<string, string> = {
  substantiated: 'Substantiated',
  not_substantiated: 'Not substantiated',
  inconclusive: 'Inconclusive',
  // KCSIE Part 4's categories, on a safeguarding case (their definitions: GET /policy kcsieFindings)
  malicious: 'Malicious',
  false: 'False',
  unsubstantiated: 'Unsubstantiated',
  unfounded: 'Unfounded',
};

/** The bodies a safeguarding case's referral decision is about (KCSIE Part 4). */
export const REFERRAL_BODY_NAMES: Record<string, string> = { dbs: 'DBS (Disclosure and Barring Service)', tra: 'TRA (Teaching Regulation Agency)' };

export const EVIDENCE_KIND_NAMES: Record<string, string> = {
  screenshot: 'Screenshot',
  post_capture: 'Capture of a post or page',
  document: 'Document',
  statement: 'Statement',
  monitoring_extract: 'Monitoring extract',
};

export const SENSITIVITY_NAMES: Record<string, string> = { personal: 'Personal data', special_category: 'Special category data' };

export const NOTICE_METHOD_NAMES: Record<string, string> = { letter: 'Letter', email: 'E-mail', hand_delivered: 'Delivered by hand' };
