# Sourced by the scripts in tools/remote. remote_setup NAME exports synthetic keys and an API
# token of the script's own, unless given: a run on MySQL refuses the built-in development keys,
# and a worker serves its health and metrics behind the token. db DATABASE prints the options
# that point a run at DATABASE on the server at 127.0.0.1 (root, no password).
remote_setup() {
  local name=$1
  local keys="BATCH_PRIVACY_ENCRYPTIONKEYS_${name^^}"
  export BATCH_PRIVACY_HASH_KEY="${BATCH_PRIVACY_HASH_KEY:-$(head -c 32 /dev/urandom | base64)}"
  export BATCH_PRIVACY_ENCRYPTION_KEY_ID="${BATCH_PRIVACY_ENCRYPTION_KEY_ID:-$name}"
  export "$keys=${!keys:-$(head -c 32 /dev/urandom | base64)}"
  export BATCH_API_TOKEN="remote-$name-token-$$-0123456789"
}

db() {
  echo "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/$1?createDatabaseIfNotExist=true --spring.datasource.username=root"
}
