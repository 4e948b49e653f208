#include "core/hub/tls/certificate_factory.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

#include "core/util/errors.h"
#include "core/util/hex.h"

namespace ridgeline::hub {
namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

[[noreturn]] void fail(const std::string& what) {
  throw RemoteError("TLS material: " + what + " failed in OpenSSL; the hub cannot create its certificates");
}

std::string bioText(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

KeyPtr newKey() {
  KeyPtr key(EVP_EC_gen("P-256"));
  if (!key) fail("key generation");
  return key;
}

CertPtr readCertificate(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  CertPtr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  if (!cert) throw InputError("not a PEM certificate");
  return cert;
}

KeyPtr readKey(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) throw InputError("not a PEM private key");
  return key;
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) fail("extension " + value);
  const int ok = X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
  if (!ok) fail("adding extension " + value);
}

void setRandomSerial(X509* cert) {
  std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> bn(BN_new());
  if (!bn || !BN_rand(bn.get(), 120, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY)) fail("serial number");
  if (!BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert))) fail("serial number");
}

std::string altNames(const CertificateSpec& spec) {
  std::string out;
  for (const auto& h : spec.hostNames) out += (out.empty() ? "" : ",") + std::string("DNS:") + h;
  for (const auto& ip : spec.ipAddresses) out += (out.empty() ? "" : ",") + std::string("IP:") + ip;
  return out;
}

// Signs a certificate for spec with issuerKey; issuerCert null = self-signed.
PemPair sign(const CertificateSpec& spec, X509* issuerCert, EVP_PKEY* issuerKey) {
  KeyPtr key = newKey();
  CertPtr cert(X509_new());
  if (!cert || !X509_set_version(cert.get(), 2)) fail("certificate allocation");
  setRandomSerial(cert.get());
  ASN1_TIME_set(X509_getm_notBefore(cert.get()), std::chrono::system_clock::to_time_t(spec.notBefore));
  ASN1_TIME_set(X509_getm_notAfter(cert.get()), std::chrono::system_clock::to_time_t(spec.notAfter));
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("Ridgeline reference hub"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(spec.commonName.c_str()), -1, -1, 0);
  X509* issuer = issuerCert ? issuerCert : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));
  addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
  if (spec.certificateAuthority) {
    addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExtension(cert.get(), issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
    addExtension(cert.get(), issuer, NID_basic_constraints, "critical,CA:FALSE");
    addExtension(cert.get(), issuer, NID_key_usage, "critical,digitalSignature");
    addExtension(cert.get(), issuer, NID_ext_key_usage, "serverAuth");
    if (const std::string san = altNames(spec); !san.empty()) addExtension(cert.get(), issuer, NID_subject_alt_name, san);
  }
  if (!X509_sign(cert.get(), issuerKey ? issuerKey : key.get(), EVP_sha256())) fail("signing");

  BioPtr certBio(BIO_new(BIO_s_mem())), keyBio(BIO_new(BIO_s_mem()));
  if (!PEM_write_bio_X509(certBio.get(), cert.get())) fail("PEM encoding");
  if (!PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)) fail("PEM encoding");
  return {bioText(certBio.get()), bioText(keyBio.get())};
}

bool isIpAddress(const std::string& host) {
  ASN1_OCTET_STRING* ip = a2i_IPADDRESS(host.c_str());
  if (!ip) return false;
  ASN1_OCTET_STRING_free(ip);
  return true;
}

}  // namespace

PemPair createCertificateAuthority(const std::string& commonName, int days) {
  const auto now = std::chrono::system_clock::now();
  CertificateSpec spec{commonName, {}, {}, now - std::chrono::hours(1), now + std::chrono::hours(24) * days, true};
  return sign(spec, nullptr, nullptr);
}

PemPair issueCertificate(const CertificateSpec& spec, const PemPair& issuer) {
  CertPtr issuerCert = readCertificate(issuer.certificatePem);
  KeyPtr issuerKey = readKey(issuer.privateKeyPem);
  return sign(spec, issuerCert.get(), issuerKey.get());
}

CertificateSpec serverSpecFor(const std::string& host, int days) {
  const auto now = std::chrono::system_clock::now();
  CertificateSpec spec;
  spec.commonName = host;
  if (isIpAddress(host)) spec.ipAddresses.push_back(host);
  else spec.hostNames.push_back(host);
  spec.notBefore = now - std::chrono::hours(1);
  spec.notAfter = now + std::chrono::hours(24) * days;
  return spec;
}

std::string certificateSha256(const std::string& certificatePem) {
  CertPtr cert = readCertificate(certificatePem);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!X509_digest(cert.get(), EVP_sha256(), digest, &size)) fail("certificate digest");
  return toHex(std::span<const std::uint8_t>(digest, size));
}

bool certificateValidAt(const std::string& certificatePem, std::chrono::system_clock::time_point when) {
  CertPtr cert = readCertificate(certificatePem);
  std::time_t t = std::chrono::system_clock::to_time_t(when);
  return X509_cmp_time(X509_get0_notBefore(cert.get()), &t) < 0 && X509_cmp_time(X509_get0_notAfter(cert.get()), &t) > 0;
}

bool certificateNamesHost(const std::string& certificatePem, const std::string& host) {
  CertPtr cert = readCertificate(certificatePem);
  if (isIpAddress(host)) return X509_check_ip_asc(cert.get(), host.c_str(), 0) == 1;
  return X509_check_host(cert.get(), host.c_str(), host.size(), 0, nullptr) == 1;
}

}  // namespace ridgeline::hub
