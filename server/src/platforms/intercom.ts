import type { PlatformData } from './types.js';

export const intercom: PlatformData = {
  id: 'intercom',
  label: 'Intercom',
  syntax: 'mustache',
  customerFirstName: 'first_name',
  agentName: 'teammate.first_name',
  fallbackTemplate: '{{$NAME | fallback: "$FALLBACK"}}',
  placeholders: [
    { name: 'first_name', description: "The customer's first name", sample: 'Maya' },
    { name: 'last_name', description: "The customer's last name", sample: 'Lopez' },
    { name: 'name', description: "The customer's full name", sample: 'Maya Lopez' },
    { name: 'email', description: "The customer's e-mail address", sample: 'maya@example.com' },
    { name: 'company.name', description: "The customer's company", sample: 'Northwind' },
    { name: 'teammate.first_name', description: "The replying teammate's first name", sample: 'Sam' },
    { name: 'teammate.name', description: "The replying teammate's full name", sample: 'Sam Rivera' },
    { name: 'teammate.email', description: "The replying teammate's e-mail address", sample: 'sam@example.com' },
    { name: 'conversation.id', description: 'The conversation id', sample: '215' },
  ],
};
