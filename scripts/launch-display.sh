#!/bin/sh
# Opens the waiting-room board full screen on a Linux TV PC, speaking from the first call without a
# click: Chromium's kiosk mode with the autoplay flag. Put it in the TV user's autostart so the board
# comes back by itself after a power cut.
#   scripts/launch-display.sh http://192.168.1.10:4700        (the host's address, Admin → Jaringan)
#   LOKET_HOST=http://192.168.1.10:4700 scripts/launch-display.sh
set -eu

HOST="${1:-${LOKET_HOST:-http://127.0.0.1:4700}}"
URL="${HOST%/}/#/display"

BROWSER="${LOKET_BROWSER:-}"
if [ -z "$BROWSER" ]; then
  for candidate in chromium chromium-browser google-chrome-stable google-chrome microsoft-edge-stable microsoft-edge; do
    if command -v "$candidate" >/dev/null 2>&1; then
      BROWSER="$candidate"
      break
    fi
  done
fi
if [ -z "$BROWSER" ]; then
  echo "Chromium, Chrome atau Edge tidak ditemukan. Pasang salah satunya (mis. 'sudo apt install chromium') atau isi LOKET_BROWSER." >&2
  exit 1
fi

# A profile of its own: the TV's settings never mix with a person's browser, and a crash after a
# power cut does not bring up "restore pages?" over the board.
PROFILE="${LOKET_DISPLAY_PROFILE:-${XDG_CONFIG_HOME:-$HOME/.config}/loket-display}"
mkdir -p "$PROFILE"
sed -i 's/"exited_cleanly":false/"exited_cleanly":true/; s/"exit_type":"Crashed"/"exit_type":"Normal"/' "$PROFILE/Default/Preferences" 2>/dev/null || true

exec "$BROWSER" \
  --kiosk \
  --autoplay-policy=no-user-gesture-required \
  --user-data-dir="$PROFILE" \
  --no-first-run \
  --noerrdialogs \
  --disable-session-crashed-bubble \
  --disable-infobars \
  --disable-translate \
  --check-for-update-interval=31536000 \
  "$URL"
