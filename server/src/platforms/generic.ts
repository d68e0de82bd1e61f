import type { PlatformData } from './types.js';

/** A neutral dialect for teams whose help desk is not listed, and the default. */
export const generic: PlatformData = {
  id: 'generic',
  label: 'Generic',
  syntax: 'mustache',
  customerFirstName: 'customer.first_name',
  agentName: 'agent.first_name',
  fallbackTemplate: '{{$NAME | default: "$FALLBACK"}}',
  placeholders: [
    { name: 'customer.first_name', description: "The customer's first name", sample: 'Maya' },
    { name: 'customer.last_name', description: "The customer's last name", sample: 'Lopez' },
    { name: 'customer.name', description: "The customer's full name", sample: 'Maya Lopez' },
    { name: 'customer.email', description: "The customer's e-mail address", sample: 'maya@example.com' },
    { name: 'agent.first_name', description: "The agent's first name", sample: 'Sam' },
    { name: 'agent.name', description: "The agent's full name", sample: 'Sam Rivera' },
    { name: 'agent.email', description: "The agent's e-mail address", sample: 'sam@example.com' },
    { name: 'company.name', description: 'Your company name', sample: 'Northwind' },
    { name: 'ticket.id', description: 'The ticket or conversation number', sample: '48213' },
    { name: 'ticket.subject', description: 'The ticket subject', sample: 'Order arrived damaged' },
    { name: 'ticket.url', description: 'A link to the ticket', sample: 'https://help.example.com/tickets/48213' },
    { name: 'order.number', description: 'The order number', sample: 'A-10293' },
  ],
};
