import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/notifications');
const NotificationsPage = lazyPage(area, (pages) => pages.NotificationsPage);
const FailedDeliveriesPage = lazyPage(area, (pages) => pages.FailedDeliveriesPage);

/** The notifications screens (see screen.ts; docs/notifications.md): a person's notifications and e-mail choice; the admin's e-mails not delivered. */
export const NOTIFICATIONS_SCREENS: Screen[] = [
  { path: '/notifications', render: () => <NotificationsPage /> },
  { path: '/admin/failed-deliveries', render: () => <FailedDeliveriesPage /> },
];
