import type { PlatformData } from './types.js';

export const zendesk: PlatformData = {
  id: 'zendesk',
  label: 'Zendesk',
  syntax: 'mustache',
  customerFirstName: 'ticket.requester.first_name',
  agentName: 'current_user.first_name',
  fallbackTemplate:
    '{% if $NAME %}{{$NAME}}{% else %}$FALLBACK{% endif %}',
  // Custom ticket fields and dynamic content are named by the account.
  namePatterns: ['^ticket\\.ticket_field_(option_title_)?\\d+$', '^dc\\.[a-z0-9_]+$'],
  placeholders: [
    { name: 'ticket.id', description: 'The ticket number', sample: '48213' },
    { name: 'ticket.title', description: 'The ticket subject', sample: 'Order arrived damaged' },
    { name: 'ticket.description', description: 'The first comment of the ticket', sample: 'My order arrived with a cracked lid.' },
    { name: 'ticket.status', description: 'The ticket status', sample: 'Open' },
    { name: 'ticket.priority', description: 'The ticket priority', sample: 'Normal' },
    { name: 'ticket.url', description: 'The ticket address in the agent interface', sample: 'example.zendesk.com/agent/tickets/48213' },
    { name: 'ticket.link', description: 'A link to the ticket', sample: 'https://example.zendesk.com/agent/tickets/48213' },
    { name: 'ticket.latest_comment', description: 'The most recent public comment', sample: 'Thanks, that worked.' },
    { name: 'ticket.requester.name', description: "The customer's full name", sample: 'Maya Lopez' },
    { name: 'ticket.requester.first_name', description: "The customer's first name", sample: 'Maya' },
    { name: 'ticket.requester.last_name', description: "The customer's last name", sample: 'Lopez' },
    { name: 'ticket.requester.email', description: "The customer's e-mail address", sample: 'maya@example.com' },
    { name: 'ticket.requester.phone', description: "The customer's phone number", sample: '+1 555 0100' },
    { name: 'ticket.organization.name', description: "The customer's organisation", sample: 'Northwind' },
    { name: 'ticket.assignee.name', description: 'The assigned agent', sample: 'Sam Rivera' },
    { name: 'ticket.assignee.first_name', description: "The assigned agent's first name", sample: 'Sam' },
    { name: 'ticket.group.name', description: 'The assigned group', sample: 'Billing' },
    { name: 'current_user.name', description: 'The agent sending the reply', sample: 'Sam Rivera' },
    { name: 'current_user.first_name', description: "The sending agent's first name", sample: 'Sam' },
    { name: 'current_user.email', description: "The sending agent's e-mail address", sample: 'sam@example.com' },
    { name: 'current_user.signature', description: "The sending agent's signature", sample: 'Sam, Customer Care' },
    { name: 'satisfaction.rating_url', description: 'The satisfaction survey link', sample: 'https://example.zendesk.com/requests/48213/satisfaction' },
  ],
};
