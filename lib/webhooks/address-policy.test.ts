import { describe, expect, it } from "vitest";
import { checkAddress, describeNonPublic, parseIp, type AddressPolicy } from "./address-policy";
import { CallbackRefusedError, CallbackUnresolvableError, resolveCheckedAddress } from "./resolve-host";
import { maxDeliveryAttempts, retryDelaySeconds } from "./retry-schedule";

const strict: AddressPolicy = { allowPrivate: false, allowedNetworks: [] };

function kindOf(address: string): string | null {
  const ip = parseIp(address);
  if (!ip) throw new Error(`not an address: ${address}`);
  return describeNonPublic(ip);
}

describe("which addresses a webhook may reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.7", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["fc00::1", "private"],
    ["fd12:3456:789a::1", "private"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:0a00:0001::1", "private"],
    ["::127.0.0.1", "reserved"],
    ["[::1]", "loopback"],
  ])("%s is not public (%s)", (address, kind) => {
    expect(kindOf(address)).toBe(kind);
    expect(checkAddress(address, strict)).toEqual({ isAllowed: false, reason: kind });
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8"])(
    "%s is public",
    (address) => {
      expect(kindOf(address)).toBeNull();
      expect(checkAddress(address, strict)).toEqual({ isAllowed: true });
    },
  );

  it("lets the operator allow every address, or named networks only", () => {
    expect(checkAddress("10.1.2.3", { allowPrivate: true, allowedNetworks: [] }).isAllowed).toBe(true);
    const internal: AddressPolicy = { allowPrivate: false, allowedNetworks: ["10.20.0.0/16", "fd00:1::/64"] };
    expect(checkAddress("10.20.5.6", internal).isAllowed).toBe(true);
    expect(checkAddress("10.21.5.6", internal).isAllowed).toBe(false);
    expect(checkAddress("fd00:1::8", internal).isAllowed).toBe(true);
    expect(checkAddress("fd00:2::8", internal).isAllowed).toBe(false);
    expect(checkAddress("::ffff:10.20.5.6", internal).isAllowed).toBe(false);
  });

  it("reads the odd spellings of an address the way URLs normalise them", () => {
    // Decimal, hex and short forms all land on 127.0.0.1 once parsed as a URL's host.
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/"]) {
      expect(checkAddress(new URL(url).hostname, strict).isAllowed, url).toBe(false);
    }
  });
});

describe("resolving a callback's host", () => {
  it("checks every address the name resolves to, and refuses the host if any is private", async () => {
    const rebinding = async () => [
      { address: "93.184.216.34", family: 4 as const },
      { address: "10.0.0.7", family: 4 as const },
    ];
    await expect(resolveCheckedAddress("hooks.example.org", strict, rebinding)).rejects.toThrow(CallbackRefusedError);
    await expect(resolveCheckedAddress("hooks.example.org", strict, rebinding)).rejects.toThrow(/10\.0\.0\.7.*private/);
    const publicOnly = async () => [{ address: "93.184.216.34", family: 4 as const }];
    expect(await resolveCheckedAddress("hooks.example.org", strict, publicOnly)).toEqual({ address: "93.184.216.34", family: 4 });
  });

  it("refuses localhost by what it resolves to, and reports a name that does not resolve", async () => {
    await expect(resolveCheckedAddress("localhost", strict)).rejects.toThrow(/loopback/);
    const nowhere = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    await expect(resolveCheckedAddress("nowhere.invalid", strict, nowhere)).rejects.toThrow(CallbackUnresolvableError);
  });

  it("checks literal addresses without asking DNS", async () => {
    const noLookup = async () => {
      throw new Error("must not resolve a literal");
    };
    await expect(resolveCheckedAddress("[::1]", strict, noLookup)).rejects.toThrow(/loopback/);
    expect(await resolveCheckedAddress("[2606:4700::1111]", strict, noLookup)).toEqual({ address: "2606:4700::1111", family: 6 });
  });
});

describe("the retry schedule", () => {
  it("doubles from the base to the cap and spans a day with the defaults", () => {
    const schedule = { baseSeconds: 30, maxDelaySeconds: 3600, windowSeconds: 86_400 };
    expect([1, 2, 3, 4, 7, 8, 20].map((attempt) => retryDelaySeconds(attempt, schedule))).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
    const attempts = maxDeliveryAttempts(schedule);
    const waited = Array.from({ length: attempts - 1 }, (_, index) => retryDelaySeconds(index + 1, schedule)).reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(86_400);
    expect(waited - retryDelaySeconds(attempts - 1, schedule)).toBeLessThan(86_400);
    expect(attempts).toBe(31);
  });
});
