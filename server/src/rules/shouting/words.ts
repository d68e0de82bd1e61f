/**
 * Word lists for the shouting rule. A word in capitals is only taken for
 * shouting when it is an everyday English word that people type in capitals
 * for emphasis; anything else in capitals (PHP, REPONAME, XXX, a brand) is
 * assumed to be an acronym, a code or a name, and left alone.
 */

const list = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/**
 * Everyday words shouted for emphasis. Deliberately missing: words that are
 * also common codes or names in support mail (US, IT, AM, PM, OR, IN, ME, HI,
 * OK, SO, AS, AT, ON, UP, GO, ID, BY, BE, PIN, SIM, VAT, ARM, UPS, NEXT, CAN),
 * plan and tier names (FREE, PRO, PLUS, PREMIUM, BASIC), order and ticket
 * statuses (PENDING, PAID, SHIPPED, OPEN, CLOSED, ACTIVE, LIVE, ERROR), and
 * code words (TRUE, FALSE, NULL, DELETE, GET, POST, SELECT).
 */
export const SHOUTED = list(`
  the and but not no nor yes all any every each only just also very really too more most much many some none
  nothing anything everything something nobody anyone everyone someone never always ever again still already even
  now today tonight tomorrow yesterday here there this that these those what when where why how who which whatever
  you your yours yourself we our ours they their them he she his her my mine myself its is are was were been being
  have has had having do does did doing will would shall should could may might must need needs cannot
  can't don't doesn't didn't won't wouldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't couldn't mustn't
  i'm you're we're they're it's that's there's let's i'll you'll we'll i've you've we've i'd you'd we'd
  with without within before after during until unless because since about into from for of to if then than
  absolutely definitely certainly totally completely entirely extremely truly seriously literally exactly
  immediately urgently urgent important importantly critical essential mandatory required necessary strictly
  forever whatsoever huge massive best worst amazing awesome great excellent wonderful fantastic terrible horrible
  awful sorry thanks thank please welcome congratulations hooray wow
  read stop wait check make sure call contact reply respond answer follow click tap press send share give take keep
  leave try use come get got let tell told ask asked know think see look find found want like love hate help fix
  fixed work works working change charge charged charges refund lose lost happen happened understand remember forget
  note notice attention warning caution careful ignore remove include included includes allowed permitted prohibited
  forbidden banned guaranteed responsible
  time day days hour hours minute minutes week weeks month months year years money price fee fees cost costs hidden
  extra policy problem issue mistake fault news way thing things people person everybody once twice first last final same
  different right wrong correct incorrect good bad fine okay new old real full whole again
`);

/** Capitalised words that stand for a value to fill in: "YOUR NAME", "Hello CUSTOMER", "ORDER NUMBER". */
export const SLOT_WORDS = list(`
  name names firstname lastname username customer client number date email address link url company product agent
  amount phone ticket placeholder insert xxx
`);

/** Acronyms and codes kept in capitals when a shouted phrase around them is lowered. */
export const ACRONYMS = list(`
  sku faq usa us uk eu pdf api url id ok asap pin sim vat it hr pr qa ux ui ai ml os pc tv dvd cd usb hdmi gps sms mms
  ceo cto cfo vip eta dob cod pos atm iban bic swift cvv cvc po ps nb fyi aka diy rsvp ups dhl usps fedex tnt gst hst
  pst est cst mst utc gmt bst cet am pm html css js json xml csv sql http https ssl tls dns ip vpn wifi lan wan sso mfa
  otp ssn ein tin nhs irs hmrc gdpr ccpa hipaa pci sla kyc aml ach eft bacs sepa nasa tbd tbc tba na n/a xl xxl xs
`);

/** The word before a capitalised word that makes it a label, keyword or status being quoted: "click SAVE", "reply STOP". */
export const LABEL_BEFORE = list(`
  click tap press hit select choose type enter push pick toggle reply text send write say saying says marked labelled
  labeled called named titled status reads shows showing displays displayed keyword command word button option
  code coupon promo voucher open visit
`);

/** The word after a capitalised word that makes it a label: "the SAVE button", "the DONE tab". */
export const LABEL_AFTER = list(`
  button buttons key keys tab tabs menu link option options field fields icon screen page setting settings box checkbox
  section column status label banner badge code plan tier keyword command mode switch toggle operator value flag
  parameter error message
`);

/** The small word between a lead-in and a label: "click the SAVE …", "marked as PAID", "set to NO". */
export const LABEL_PAIRS = list(`
  as to the in on
`);

/** Verbs that, two words back, introduce a status or value: "marked as PAID", "set to YES". */
export const LABEL_LEAD_INS = list(`
  marked shown set listed flagged appears appear changed switch switched shows show showing displayed moved go
  navigate head
`);
