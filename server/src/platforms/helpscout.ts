import type { PlatformData } from './types.js';

export const helpscout: PlatformData = {
  id: 'helpscout',
  label: 'Help Scout',
  syntax: 'percent',
  customerFirstName: 'customer.firstName',
  agentName: 'user.firstName',
  fallbackTemplate: '{%$NAME,fallback=$FALLBACK%}',
  placeholders: [
    { name: 'customer.firstName', description: "The customer's first name", sample: 'Maya' },
    { name: 'customer.lastName', description: "The customer's last name", sample: 'Lopez' },
    { name: 'customer.fullName', description: "The customer's full name", sample: 'Maya Lopez' },
    { name: 'customer.email', description: "The customer's e-mail address", sample: 'maya@example.com' },
    { name: 'customer.company', description: "The customer's company", sample: 'Northwind' },
    { name: 'user.firstName', description: "The replying user's first name", sample: 'Sam' },
    { name: 'user.lastName', description: "The replying user's last name", sample: 'Rivera' },
    { name: 'user.fullName', description: "The replying user's full name", sample: 'Sam Rivera' },
    { name: 'user.email', description: "The replying user's e-mail address", sample: 'sam@example.com' },
    { name: 'user.jobTitle', description: "The replying user's job title", sample: 'Support Lead' },
    { name: 'mailbox.name', description: 'The mailbox name', sample: 'Customer Care' },
    { name: 'mailbox.email', description: 'The mailbox address', sample: 'help@example.com' },
    { name: 'conversation.number', description: 'The conversation number', sample: '1042' },
    { name: 'conversation.subject', description: 'The conversation subject', sample: 'Order arrived damaged' },
  ],
};
