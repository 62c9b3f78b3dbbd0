#!/bin/sh
# Chromium for image exports (lib/ui/export.py) with every background-network feature off: no update or component
# checks, safe browsing, metrics, optimisation hints, translation, default apps or pings, no DNS over HTTPS (it probes
# Google's resolver by IP address), and no name resolution at
# all (every host maps to "not found"; Kaleido's page and plotly.js are local files). Kaleido's own switches follow.
exec "${OFFLINE_CHROMIUM_REAL:-/usr/bin/chromium}" \
  --disable-background-networking \
  --disable-component-update \
  --disable-domain-reliability \
  --disable-client-side-phishing-detection \
  --disable-default-apps \
  --disable-sync \
  --disable-search-engine-choice-screen \
  --no-pings \
  --no-first-run \
  --no-default-browser-check \
  --metrics-recording-only \
  --disable-breakpad \
  --disable-features=DnsOverHttps,AsyncDns,OptimizationHints,OptimizationHintsFetching,OptimizationGuideModelDownloading,OptimizationTargetPrediction,MediaRouter,DialMediaRouteProvider,Translate,AutofillServerCommunication,CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,SafeBrowsingEnhancedProtection,InterestFeedContentSuggestions,PrivacySandboxSettings4 \
  --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE localhost" \
  --proxy-server="127.0.0.1:9" \
  --proxy-bypass-list="<-loopback>" \
  "$@"
