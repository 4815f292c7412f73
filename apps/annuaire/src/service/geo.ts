// Distances on the globe, for the geo search's answers.
const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance; plenty for ranking establishments within 50 km. */
export const haversineKm = (lat1: number, lon1: number, lat2: number, lon2: number): number => {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
};

interface Point {
  latitude: number | null;
  longitude: number | null;
}

/** Distance from `center` to the closest of `places` that has coordinates (km, 2 decimals), or null. */
export const nearestDistanceKm = (
  center: { latitude: number; longitude: number },
  places: readonly Point[],
): number | null => {
  const distances = places
    .filter((e) => e.latitude !== null && e.longitude !== null)
    .map((e) => haversineKm(center.latitude, center.longitude, e.latitude as number, e.longitude as number));
  return distances.length ? Math.round(Math.min(...distances) * 100) / 100 : null;
};
