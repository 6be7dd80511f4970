#!/usr/bin/env bash
# A scripted stand-in for a coding agent, so that this example runs offline and always the same way:
# experiment N copies the files in candidates/N/ over the working tree and describes itself with
# candidates/N/description.txt. To let an agent search instead, change proposer.run in autoexp.yml.
set -euo pipefail
dir="candidates/$AUTOEXP_EXPERIMENT"
if [ ! -d "$dir" ]; then
  echo "no $dir/: this scripted proposer has no more candidates; point proposer.run at an agent" >&2
  exit 1
fi
cp "$dir/description.txt" "$AUTOEXP_DESCRIPTION_FILE"
(cd "$dir" && find . -type f ! -name description.txt) | while read -r file; do
  mkdir -p "$(dirname "$file")"
  cp "$dir/$file" "$file"
done
