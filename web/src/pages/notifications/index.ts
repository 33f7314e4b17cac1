// The notifications area's pages: one chunk (screens/notifications.tsx).
export { NotificationsPage } from './notifications';
export { FailedDeliveriesPage } from './failed-deliveries';
