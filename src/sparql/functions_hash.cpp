// §17.4.6 hash functions: the lower-case hexadecimal digest of a string's UTF-8 bytes.
#include <openssl/evp.h>

#include "sparql/func_library.hpp"

namespace kg::sparql {

namespace {

const EVP_MD* digest_for(Builtin builtin) {
  switch (builtin) {
    case Builtin::Md5:
      return EVP_md5();
    case Builtin::Sha1:
      return EVP_sha1();
    case Builtin::Sha256:
      return EVP_sha256();
    case Builtin::Sha384:
      return EVP_sha384();
    case Builtin::Sha512:
      return EVP_sha512();
    default:
      return nullptr;
  }
}

}  // namespace

Value hash_string(Builtin builtin, const Value& value) {
  const EVP_MD* digest = digest_for(builtin);
  // Only simple literals and xsd:strings: a language tag would be silently dropped.
  if (!digest || value.kind() != ValueKind::String) return Value::error();
  std::string_view text = value.text();
  unsigned char hash[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), hash, &length, digest, nullptr) != 1)
    return Value::error();
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[hash[i] >> 4];
    hex += kHex[hash[i] & 0xF];
  }
  return Value::simple_string(std::move(hex));
}

}  // namespace kg::sparql
