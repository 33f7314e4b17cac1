/**
 * The vocabulary of the Werrington Primary School social media policy
 * (shared/policy/social-media-policy.txt). Every enum the API accepts comes from here.
 */

/** §2 "This includes Twitter, Facebook, LinkedIn, YouTube, Flickr, Instagram, Whatsapp and Snapchat. This list is not exhaustive". */
export const PLATFORMS = ['twitter', 'facebook', 'linkedin', 'youtube', 'flickr', 'instagram', 'whatsapp', 'snapchat', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Appendix A: examples of social media misuse. */
export const MISUSE_CATEGORIES = ['disrepute', 'confidentiality', 'copyright', 'discrimination_bullying_harassment', 'images_of_school_or_pupils'] as const;
export type MisuseCategory = (typeof MISUSE_CATEGORIES)[number];

/** §7 standards 1–8 and §8 (excessive use of social media at work). */
export const POLICY_STANDARDS = ['7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '7.7', '7.8', '8'] as const;
export type PolicyStandard = (typeof POLICY_STANDARDS)[number];

/** Short titles of the standards, quoted in summaries. */
export const POLICY_STANDARD_TITLES: Record<PolicyStandard, string> = {
  '7.1': '§7.1 Posting on your own behalf, not as a representative of the school',
  '7.2': '§7.2 Posts made under your own name',
  '7.3': '§7.3 Not identifying yourself as an employee of the school',
  '7.4': '§7.4 Disclaimer where your occupation is in your profile',
  '7.5': '§7.5 No confidential or personal information about the school, its staff or governors',
  '7.6': '§7.6 No confidential or personal information about pupils or their families',
  '7.7': '§7.7 No defamation, discrimination, bullying or harassment',
  '7.8': '§7.8 Use of social media at work',
  '8': '§8 Excessive use of social media at work',
};

export const MISUSE_CATEGORY_TITLES: Record<MisuseCategory, string> = {
  disrepute: 'App.A Bringing the organisation into disrepute',
  confidentiality: 'App.A Breaching confidentiality',
  copyright: 'App.A Breaching copyright',
  discrimination_bullying_harassment: 'App.A Discrimination, bullying or harassment',
  images_of_school_or_pupils: 'App.A Photographs or videos of the school, pupils or colleagues',
};
