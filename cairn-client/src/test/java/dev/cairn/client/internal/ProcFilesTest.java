package dev.cairn.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {
    @Test
    void meminfo_and_status_fields_are_read_in_bytes() {
        String meminfo = "MemTotal:       16314660 kB\nMemFree:         1203844 kB\nMemAvailable:    9876543 kB\n";
        assertThat(ProcFiles.kilobytesField(meminfo, "MemTotal")).isEqualTo(16314660L * 1024);
        assertThat(ProcFiles.kilobytesField(meminfo, "MemAvailable")).isEqualTo(9876543L * 1024);
        assertThat(ProcFiles.kilobytesField("Name:\tjava\nVmRSS:\t  204800 kB\n", "VmRSS")).isEqualTo(204800L * 1024);
        assertThat(ProcFiles.kilobytesField(meminfo, "SwapTotal")).isNegative();
        assertThat(ProcFiles.kilobytesField(null, "MemTotal")).isNegative();
    }

    @Test
    void disk_bytes_come_from_the_data_folders_device_in_512_byte_sectors() {
        String diskstats = """
                   8       0 sda 1000 10 20000 500 2000 20 40000 900 0 1000 1400 0 0 0 0
                   8       1 sda1 900 9 18000 450 1900 19 38000 850 0 950 1300 0 0 0 0
                 259       0 nvme0n1 5 0 80 1 7 0 96 2 0 3 3
                """;
        assertThat(ProcFiles.diskReadWriteBytes(diskstats, 8, 1)).containsExactly(18000L * 512, 38000L * 512);
        assertThat(ProcFiles.diskReadWriteBytes(diskstats, 0, 42)).isNull();
    }

    @Test
    void network_bytes_add_up_every_interface_but_loopback() {
        String netDev = """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo: 9999999    100    0    0    0     0          0         0  9999999     100    0    0    0     0       0          0
                  eth0: 1000    10    0    0    0     0          0         0  2000     20    0    0    0     0       0          0
                  wlan0: 300    3    0    0    0     0          0         0  400     4    0    0    0     0       0          0
                """;
        assertThat(ProcFiles.networkReceivedSentBytes(netDev)).containsExactly(1300L, 2400L);
    }

    @Test
    void a_device_number_splits_into_major_and_minor_like_glibc() {
        assertThat(ProcFiles.majorMinor(0x801)).containsExactly(8L, 1L);
        assertThat(ProcFiles.majorMinor((259L << 8) | 3)).containsExactly(259L, 3L);
        long bigMinor = ((long) (300 & 0xff)) | ((long) (300 & ~0xff) << 12) | (8L << 8);
        assertThat(ProcFiles.majorMinor(bigMinor)).containsExactly(8L, 300L);
    }
}
