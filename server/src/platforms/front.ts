import type { PlatformData } from './types.js';

export const front: PlatformData = {
  id: 'front',
  label: 'Front',
  syntax: 'mustache',
  customerFirstName: 'recipient.first_name',
  agentName: 'user.first_name',
  placeholders: [
    { name: 'recipient.first_name', description: "The recipient's first name", sample: 'Maya' },
    { name: 'recipient.last_name', description: "The recipient's last name", sample: 'Lopez' },
    { name: 'recipient.name', description: "The recipient's full name", sample: 'Maya Lopez' },
    { name: 'recipient.email', description: "The recipient's e-mail address", sample: 'maya@example.com' },
    { name: 'user.first_name', description: "The sending teammate's first name", sample: 'Sam' },
    { name: 'user.last_name', description: "The sending teammate's last name", sample: 'Rivera' },
    { name: 'user.name', description: "The sending teammate's full name", sample: 'Sam Rivera' },
    { name: 'user.email', description: "The sending teammate's e-mail address", sample: 'sam@example.com' },
    { name: 'conversation.subject', description: 'The conversation subject', sample: 'Order arrived damaged' },
  ],
};
