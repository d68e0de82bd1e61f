import { defineRule } from '../../engine/rule.js';

/** Words before "valued customer" that make it a salutation (impersonal-greeting's job). */
const SALUTATION = ['dear', 'hello', 'hi', 'hey', 'greetings', 'morning', 'afternoon', 'evening'];
/**
 * "Your business account", "your business inquiry": "business" as an adjective is no stock
 * thank-you; "… since 2019", "… over the years" is already the specific thanks we want.
 */
const NOT_STOCK = [
  'since', 'over', 'for', 'these', 'all', 'throughout', 'during', 'this', 'in',
  'account', 'accounts', 'inquiry', 'enquiry', 'inquiries', 'enquiries', 'query', 'queries', 'question', 'questions', 'plan', 'order', 'orders',
  'application', 'request', 'requests', 'details', 'address', 'email', 'e', 'needs', 'subscription', 'card', 'customers', 'partner', 'partnership',
  'license', 'licence', 'contract', 'profile', 'listing', 'website', 'site', 'page', 'name', 'number', 'use', 'case', 'purchase', 'trip',
  'travel', 'expenses', 'team', 'users', 'information', 'info', 'registration', 'verification', 'review', 'feedback', 'proposal', 'upgrade',
  'tier', 'edition', 'owner', 'owners', 'hours', 'days', 'day', 'line', 'phone', 'loan', 'insurance', 'banking', 'payment', 'payments', 'invoice',
  'trial', 'class', 'seats', 'event', 'booking', 'reservation', 'cards', 'update', 'updates', 'referral', 'tax', 'vat', 'id', 'documents',
];

export default defineRule({
  id: 'no-generic-thanks',
  title: 'Thank the customer for something real',
  category: 'phrase',
  severity: 'info',
  fixable: true,
  guideline: {
    seeds: ['002 #1'],
    summary: 'Show customers they are valued with a specific, personal thank-you rather than a stock line about their business.',
  },
  message: '"{actual}" is a stock line that could close any e-mail to anyone; thank the customer for something specific — what they told you, or how long they have been with you.',
  phrases: [
    {
      match: [
        'thank you for your business', 'thank you for your continued business', 'thank you for your patronage',
        'thank you for your continued patronage', 'thank you for your continued custom', 'we thank you for your business',
        'thank you for being a valued customer', 'thank you for being our valued customer', 'thank you for being a loyal customer',
        'thank you again for your business',
      ],
      suggest: ['thank you for being with us', 'thank you for sticking with us'],
      notFollowedBy: NOT_STOCK,
    },
    {
      match: ['thanks for your business', 'thanks for your continued business', 'thanks for your continued custom', 'thanks for your patronage', 'thanks again for your business', 'thanks for being a valued customer'],
      suggest: ['thanks for being with us', 'thanks for sticking with us'],
      notFollowedBy: NOT_STOCK,
    },
    {
      match: ['we appreciate your business', 'we appreciate your continued business', 'we appreciate your patronage', 'we really appreciate your business', 'we truly appreciate your business'],
      suggest: ["we're glad to have you with us"],
      notFollowedBy: NOT_STOCK,
    },
    {
      match: ['we value your business', 'we value your continued business', 'we value your patronage', 'your business is important to us', 'your business means a lot to us', 'your custom is important to us', 'your business is valuable to us'],
      suggest: ["we're glad to have you with us"],
      notFollowedBy: NOT_STOCK,
    },
    {
      match: ['you are a valued customer', 'you are a valued member', 'you are one of our valued customers', 'you are a valued client'],
      suggest: ["we're glad to have you with us"],
      notFollowedBy: ['since', 'of'],
    },
    { match: ['our valued customers', 'our valued clients', 'our valued members'], suggest: ['our customers', 'everyone who uses our service'], notPrecededBy: SALUTATION, skipProperNoun: true },
    { match: ['a valued customer', 'a valued client'], suggest: ['a customer'], notPrecededBy: ['are', 'being'], skipProperNoun: true },
    { match: 'a valued member', suggest: ['a member'], notPrecededBy: ['are', 'being'], skipProperNoun: true },
    { match: ['valued customer', 'valued client'], suggest: ['customer'], notPrecededBy: [...SALUTATION, 'a', 'our', 'are', 'being'], skipProperNoun: true },
  ],
});
