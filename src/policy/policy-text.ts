import type { TriageDecision } from '../cases/lifecycle';
import { MISUSE_CATEGORIES, MisuseCategory, PLATFORMS, Platform, POLICY_STANDARDS, PolicyStandard } from './vocabulary';
import type { KcsieFinding } from '../kcsie/kcsie-findings';

/**
 * The policy's own words (shared/policy/social-media-policy.txt), quoted verbatim beside every
 * choice a person makes: §2 platforms, Appendix A categories, §7 standards and §8, §9
 * monitoring reasons and scopes (§9, §11), §6/§12 sanctions, the triage decisions (§4–§6). Served by GET /policy, so every
 * client shows the same words and none keeps its own copy.
 */
export interface PolicyChoice<V extends string = string> {
  value: V;
  /** A short label. */
  label: string;
  /** Where it is in the policy: "§7.5", "App.A". */
  clause: string;
  /** The policy's own words. */
  words: string;
}

const PLATFORM_WORDS =
  'This includes Twitter, Facebook, LinkedIn, YouTube, Flickr, Instagram, Whatsapp and Snapchat. This list is not exhaustive and is intended to illustrate the types of social media covered by this policy.';

const PLATFORM_LABELS: Record<Platform, string> = {
  twitter: 'Twitter / X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  flickr: 'Flickr',
  instagram: 'Instagram',
  whatsapp: 'WhatsApp',
  snapchat: 'Snapchat',
  other: 'Another platform',
};

export const PLATFORM_CHOICES: PolicyChoice<Platform>[] = PLATFORMS.map((value) => ({
  value,
  label: PLATFORM_LABELS[value],
  clause: '§2',
  words:
    value === 'other'
      ? 'Employees should be aware that all types of social media are covered by this policy including those that are created in the future.'
      : PLATFORM_WORDS,
}));

const CATEGORY_TEXT: Record<MisuseCategory, [string, string]> = {
  disrepute: [
    'Bringing the organisation into disrepute',
    'Bring the organisation into disrepute, for example by: criticising or arguing with colleagues, governors, parents or other professionals working within the school or in another school; making defamatory comments about individuals or other organisations or groups; or posting images that are inappropriate or links to inappropriate content.',
  ],
  confidentiality: [
    'Breaching confidentiality',
    'Breach confidentiality, for example by: revealing information about the business of the school or its future plans or any information owned by the organisation; giving away confidential information about an individual (such as a colleague, pupil, governor or anyone in the school community) or organisation (such as another school); or discussing the organisation’s internal workings (such as current business or activities) or its future plans that have not been communicated to the public.',
  ],
  copyright: [
    'Breaching copyright',
    'Breach copyright, for example by: using someone else’s images or written content without permission; failing to give acknowledgement where permission has been given to reproduce something.',
  ],
  discrimination_bullying_harassment: [
    'Discrimination, bullying or harassment',
    'Do anything that could be considered discriminatory against, or bullying or harassment of, any individual, for example by: making offensive or derogatory comments relating to sex, gender reassignment, race (including nationality), disability, sexual orientation, religion, belief or age; using social media to bully another individual (such as an employee of the organisation or anyone in the school community); or posting images that are discriminatory or offensive (or links to such content).',
  ],
  images_of_school_or_pupils: [
    'Photographs or videos of the school, pupils or colleagues',
    'The posting of photographs and videos on personal social media accounts, which depict the school, a pupil or group of pupils, any colleague/s or member of the school community in the course of school business including associated school activities e.g. concerts, school trips etc. is specifically prohibited.',
  ],
};

export const CATEGORY_CHOICES: PolicyChoice<MisuseCategory>[] = MISUSE_CATEGORIES.map((value) => ({
  value,
  label: CATEGORY_TEXT[value][0],
  clause: 'App.A',
  words: CATEGORY_TEXT[value][1],
}));

const STANDARD_TEXT: Record<PolicyStandard, [string, string]> = {
  '7.1': [
    'Posting on your own behalf',
    'When posting or communicating on social media, you are doing so on your own behalf and not as a representative of the organisation, unless specifically requested to do so by the Headteacher for school business.',
  ],
  '7.2': ['Posts under your own name', 'All posts or communications must be made under your own name.'],
  '7.3': ['Not identifying yourself as an employee', 'You must not identify yourself as an employee of Werrington Primary School on social media.'],
  '7.4': [
    'A disclaimer where your occupation is in your profile',
    'If you include your occupation in your online profile, any posts or communications associated with your profession must include a disclaimer such as ‘the opinion expressed here is entirely my own and does not necessarily reflect the views of my employer’.',
  ],
  '7.5': [
    'Information about the school, its staff or governors',
    'You must not under any circumstances disclose any confidential or personal information about Werrington Primary School, its business or any of its employees, governors or other professionals working with the school or discuss any individual at or associated with another school.',
  ],
  '7.6': [
    'Information about pupils or their families',
    'You must not under any circumstances disclose any confidential or personal information about any of the pupils at Werrington Primary School or their parents, carers or other professional working with them and their families.',
  ],
  '7.7': [
    'Defamation, discrimination, bullying or harassment',
    'All posts or communications must not constitute defamation, discrimination, bullying or harassment towards any individual or group. This includes social media content that is of a sexual, violent or inappropriate nature (in the context of a school environment). The publication of this type of information will be taken seriously by the school and be considered to constitute gross misconduct.',
  ],
  '7.8': [
    'Use of social media at work',
    'Employees are allowed to make reasonable and appropriate use of social media websites from the school’s computers or devices, provided that this does not interfere with their duties and employment responsibilities. […] Employees must limit their use of social media on their own equipment to break / lunchtime when they are not on duty and this must be done out of sight of any pupils.',
  ],
  '8': [
    'Excessive use of social media at work',
    'Employees are not permitted to spend an excessive amount of time using social media while they are at work, whether it is on school equipment or personal devices of any kind.',
  ],
};

export const STANDARD_CHOICES: PolicyChoice<PolicyStandard>[] = POLICY_STANDARDS.map((value) => ({
  value,
  label: STANDARD_TEXT[value][0],
  clause: value === '8' ? '§8' : `§${value}`,
  words: STANDARD_TEXT[value][1],
}));

export const MONITORING_REASON_CHOICES: PolicyChoice[] = [
  {
    value: 'working_time_use',
    label: 'Using social media when they should be working',
    clause: '§9',
    words: 'been using social media websites when he/ she should be working;',
  },
  { value: 'policy_breach', label: 'A breach of this policy', clause: '§9', words: 'acted in a way that is in breach of the rules set out in this policy;' },
  { value: 'it_security', label: 'The security and integrity of IT systems', clause: '§9', words: 'damaged the security and integrity of IT systems; or' },
  {
    value: 'data_protection',
    label: 'The privacy and security of personal data',
    clause: '§9',
    words: 'to safeguard the privacy and security of the personal data the organisation is responsible for.',
  },
];

export const MONITORING_SCOPE_CHOICES: PolicyChoice[] = [
  {
    value: 'school_systems',
    label: 'School computers and devices',
    clause: '§9',
    words:
      'The school reserves the right to legitimately and proportionately monitor employee’s internet, email and social media usage on school computers or mobile devices.',
  },
  {
    value: 'personal_social_media',
    label: 'Personal social media',
    clause: '§11',
    words:
      'The school reserves the right to legitimately and proportionately monitor and review the use and content of personal social media, if it has been found that there has been proven misconduct in this regard or if it has been brought to the attention of the school that potential misconduct is taking place.',
  },
];

const SANCTION_WORDS_6 =
  'Any breach of this policy will be considered to be a disciplinary matter and will be dealt with in accordance with the organisation’s Disciplinary Policy and Procedure, in which a range of sanctions are available to the employer from addressing the matter informally to summary dismissal for gross misconduct.';

export const SANCTION_CHOICES: PolicyChoice[] = [
  { value: 'no_action', label: 'No further action', clause: '§6', words: SANCTION_WORDS_6 },
  { value: 'informal_action', label: 'Informal action or management advice', clause: '§6', words: SANCTION_WORDS_6 },
  {
    value: 'first_written_warning',
    label: 'First written warning',
    clause: '§12',
    words: 'Employees should note that any breaches of this policy may lead to disciplinary action, including dismissal.',
  },
  {
    value: 'final_written_warning',
    label: 'Final written warning',
    clause: '§12',
    words: 'Employees should note that any breaches of this policy may lead to disciplinary action, including dismissal.',
  },
  {
    value: 'dismissal_with_notice',
    label: 'Dismissal with notice',
    clause: '§12',
    words: 'Employees should note that any breaches of this policy may lead to disciplinary action, including dismissal.',
  },
  {
    value: 'summary_dismissal',
    label: 'Summary dismissal for gross misconduct',
    clause: '§12',
    words:
      'Serious breaches of this policy, for example incidents of bullying of colleagues or social media activity causing serious damage to the organisation, may constitute gross misconduct and lead to summary dismissal.',
  },
];

/** Triage (§4 "report it to the Deputy Headteacher"): what the policy says about each way a report may go. */
export const TRIAGE_DECISION_CHOICES: PolicyChoice<TriageDecision>[] = [
  {
    value: 'no_further_action',
    label: 'No further action',
    clause: '§5',
    words: 'The organisation will act fairly and proportionately in its application of this policy taking account of an individual’s human right to privacy.',
  },
  { value: 'informal_resolution', label: 'Resolve it informally', clause: '§6', words: SANCTION_WORDS_6 },
  {
    value: 'investigate',
    label: 'Investigate',
    clause: '§4',
    words:
      'The Headteacher is accountable for ensuring […] that a sufficient level of investigation is carried out prior to any formal disciplinary action being taken. Managers investigating disciplinary matters against staff must establish the facts of the matter and present all information obtained during the investigation in a fair and unbiased way.',
  },
];

/**
 * KCSIE Part 4 ("Outcome of allegations"): the definitions to be used when determining the
 * outcome of a safeguarding allegation's investigation, quoted from Keeping Children Safe in
 * Education (not from the school's policy), for the findings on a safeguarding case (src/kcsie).
 */
export const KCSIE_FINDING_CHOICES: PolicyChoice<KcsieFinding>[] = [
  { value: 'substantiated', label: 'Substantiated', clause: 'KCSIE Part 4', words: 'there is sufficient evidence to prove the allegation' },
  {
    value: 'malicious',
    label: 'Malicious',
    clause: 'KCSIE Part 4',
    words: 'there is sufficient evidence to disprove the allegation and there has been a deliberate act to deceive',
  },
  { value: 'false', label: 'False', clause: 'KCSIE Part 4', words: 'there is sufficient evidence to disprove the allegation' },
  {
    value: 'unsubstantiated',
    label: 'Unsubstantiated',
    clause: 'KCSIE Part 4',
    words: 'there is insufficient evidence to either prove or disprove the allegation. The term, therefore, does not imply guilt or innocence',
  },
  {
    value: 'unfounded',
    label: 'Unfounded',
    clause: 'KCSIE Part 4',
    words: 'to reflect cases where there is no evidence or proper basis which supports the allegation being made',
  },
];
