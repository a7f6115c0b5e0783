// Admin settings: one store (./store), a schema per group (./groups).
export { getSiteSettings, getWeatherPlaceSetting, type SiteSettings, type WeatherPlaceSetting } from './site';
export { getSettings, saveSettings } from './store';
