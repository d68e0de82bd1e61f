import type { PlatformData } from './types.js';

export const freshdesk: PlatformData = {
  id: 'freshdesk',
  label: 'Freshdesk',
  syntax: 'mustache',
  customerFirstName: 'ticket.requester.firstname',
  agentName: 'ticket.agent.name',
  placeholders: [
    { name: 'ticket.id', description: 'The ticket number', sample: '48213' },
    { name: 'ticket.subject', description: 'The ticket subject', sample: 'Order arrived damaged' },
    { name: 'ticket.description', description: 'The ticket description', sample: 'My order arrived with a cracked lid.' },
    { name: 'ticket.status', description: 'The ticket status', sample: 'Open' },
    { name: 'ticket.priority', description: 'The ticket priority', sample: 'Medium' },
    { name: 'ticket.url', description: 'The ticket address for agents', sample: 'https://example.freshdesk.com/a/tickets/48213' },
    { name: 'ticket.portal_url', description: 'The ticket address in the customer portal', sample: 'https://example.freshdesk.com/support/tickets/48213' },
    { name: 'ticket.requester.name', description: "The customer's full name", sample: 'Maya Lopez' },
    { name: 'ticket.requester.firstname', description: "The customer's first name", sample: 'Maya' },
    { name: 'ticket.requester.lastname', description: "The customer's last name", sample: 'Lopez' },
    { name: 'ticket.requester.email', description: "The customer's e-mail address", sample: 'maya@example.com' },
    { name: 'ticket.requester.phone', description: "The customer's phone number", sample: '+1 555 0100' },
    { name: 'ticket.company.name', description: "The customer's company", sample: 'Northwind' },
    { name: 'ticket.agent.name', description: 'The assigned agent', sample: 'Sam Rivera' },
    { name: 'ticket.agent.email', description: "The assigned agent's e-mail address", sample: 'sam@example.com' },
    { name: 'ticket.group.name', description: 'The assigned group', sample: 'Billing' },
    { name: 'helpdesk_name', description: 'The help desk name', sample: 'Northwind Support' },
  ],
};
